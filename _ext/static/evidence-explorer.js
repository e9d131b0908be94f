/* The evidence explorer (book/evidence.md): DataTables over the plain HTML table the page already
   holds, with a filter by kind and by source, in pages of rows so that the page stays light to
   scroll and quick to redraw. A link to a row (evidence.html#<address>) opens the page of rows
   that holds it; printing prints every row. Without JavaScript the table is there, whole.
   DataTables itself (46 KB compressed, script and style sheet) is fetched once the page is
   parsed, not with the page's first bytes: nothing of it draws the first screen. */
(() => {
  "use strict";

  const HERE = document.currentScript.src;
  const DATATABLES = new URL("datatables/dataTables.min.js", HERE).href;
  const DATATABLES_STYLE = new URL("datatables/dataTables.dataTables.min.css", HERE).href;

  const FILTERS = [[0, "Kind", "every kind"], [1, "Source", "every source"]];
  const PAGE_LENGTH = 25;  // the rows _static/custom.css lets the page lay out before DataTables starts
  const normal = (text) => text.replace(/\s+/g, " ").trim();

  function start() {
    const table = document.getElementById("evidence-table");
    if (!table) return;
    if (typeof DataTable === "undefined") {  // DataTables did not load: show every row, unpaged
      table.classList.add("whole");
      return;
    }
    const explorer = new DataTable(table, {
      pageLength: PAGE_LENGTH,
      lengthMenu: [PAGE_LENGTH, 50, 100, { label: "all", value: -1 }],
      order: [],      // the page's own order (source, then file order) until a reader sorts
      autoWidth: false,
      layout: { topStart: "info", topEnd: "search", bottomStart: "pageLength", bottomEnd: "paging" },
      language: {
        search: "Search the evidence:", lengthMenu: "Rows per page: _MENU_",
        info: "Rows _START_ to _END_ of _TOTAL_", infoFiltered: "(found among _MAX_)",
        infoEmpty: "No row matches", zeroRecords: "No row matches",
      },
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

    // A linked row: open the page of rows that holds it (showing every row again if a search or
    // a filter hides it), then navigate to it once more, so that it is scrolled to and :target.
    function reveal() {
      const id = decodeURIComponent(location.hash.slice(1));
      const row = id && explorer.row((index, data, node) => node.id === id);
      if (!row || !row.any()) return;
      const position = () => explorer.rows({ order: "current", search: "applied" }).indexes().indexOf(row.index());
      if (position() < 0) {
        for (const select of controls.querySelectorAll("select")) select.value = "";
        explorer.search("").columns().search("").draw();
      }
      const length = explorer.page.len();
      if (length > 0) explorer.page(Math.floor(position() / length)).draw(false);
      location.replace(`#${encodeURIComponent(id)}`);
    }
    window.addEventListener("hashchange", reveal);
    reveal();

    // On paper, every row (of the current search): the page length is restored afterwards.
    let shown = null;
    const everyRow = () => {
      if (shown === null) {
        shown = explorer.page.len();
        explorer.page.len(-1).draw(false);
      }
    };
    const pageAgain = () => {
      if (shown !== null) {
        explorer.page.len(shown).draw(false);
        shown = null;
      }
    };
    window.addEventListener("beforeprint", everyRow);
    window.addEventListener("afterprint", pageAgain);
    window.matchMedia("print").addEventListener("change", (event) => (event.matches ? everyRow() : pageAgain()));
  }

  // Its style sheet first, then its script: the table is restyled once, when DataTables starts.
  function load() {
    const style = document.createElement("link");
    style.rel = "stylesheet";
    style.href = DATATABLES_STYLE;
    const script = document.createElement("script");
    script.src = DATATABLES;
    script.addEventListener("load", start);
    script.addEventListener("error", start);  // start() shows every row, unpaged
    const next = () => document.head.append(script);
    style.addEventListener("load", next);
    style.addEventListener("error", next);
    document.head.append(style);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", load);
  else load();
})();
