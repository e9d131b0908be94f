/* The evidence explorer (book/evidence.md): DataTables over the plain HTML table the page already
   holds, with a filter by kind and by source. Without JavaScript the table is there, whole. */
(() => {
  "use strict";

  const FILTERS = [[0, "Kind", "every kind"], [1, "Source", "every source"]];
  const normal = (text) => text.replace(/\s+/g, " ").trim();

  function start() {
    const table = document.getElementById("evidence-table");
    if (!table || typeof DataTable === "undefined") return;
    const explorer = new DataTable(table, {
      paging: false,  // every row stays on the page, so every row's address can be linked to
      order: [],      // the page's own order (source, then file order) until a reader sorts
      autoWidth: false,
      layout: { topStart: null, topEnd: "search", bottomStart: "info", bottomEnd: null },
      language: { search: "Search the evidence:", info: "Showing _TOTAL_ of _MAX_ rows",
                  infoFiltered: "", infoEmpty: "No row matches", zeroRecords: "No row matches" },
    });
    const controls = document.createElement("div");
    controls.className = "evidence-filters";
    for (const [index, name, every] of FILTERS) {
      const values = new Set(explorer.column(index).nodes().toArray().map((cell) => normal(cell.textContent)));
      const label = document.createElement("label");
      const select = document.createElement("select");
      select.id = `evidence-filter-${name.toLowerCase()}`;
      select.add(new Option(every, ""));
      for (const value of [...values].sort()) select.add(new Option(value, value));
      select.addEventListener("change", () => {
        const wanted = select.value;
        explorer.column(index).search(wanted ? (data) => normal(data) === wanted : "").draw();
      });
      label.append(`${name} `, select);
      controls.append(label);
    }
    const container = table.closest(".dt-container") || table;
    container.parentNode.insertBefore(controls, container);
    // The layout moved the rows: bring a linked row back into view.
    const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target) target.scrollIntoView();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
