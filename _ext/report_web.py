"""Sphinx extension: the pages' weight and speed on a phone, and what a search engine reads.

- **A page loads what it uses.** The files of a component Jupyter Book adds to every page (thebe,
  sphinx-design, the toggle and copy buttons) are left off a page whose body has nothing of it.
- **Scripts wait for the page.** Every script file is loaded with ``defer`` (the theme's and the
  extensions'), so none blocks the first paint; an inline script that sets a field of
  ``DOCUMENTATION_OPTIONS`` (which ``documentation_options.js`` defines) becomes a module script,
  which the browser runs in order with the deferred files. A style sheet that holds only
  ``@media print`` rules gets ``media="print"`` and no longer blocks the screen.
  (``_templates/components/layout.html`` leaves out the theme's 1.46 MB Font Awesome script and,
  outside the search page, the search index and its scripts, which nothing else uses while
  ``search_as_you_type`` is off.)
- **The icon font is cut to the icons shown.** After the build, :func:`subset_icons` reads every
  page and script for the theme's icon classes (``fa-bars``...) and the theme's style sheets for
  the icons they draw themselves (the admonitions' bell, the chevron of "On this page"), and
  writes ``_static/report-icons.woff``: the theme's Font Awesome Free solid font (SIL OFL 1.1)
  with those glyphs only. ``_static/custom.css`` points the theme's solid icons at it.
- **Every page has a description**: ``<meta name="description">``, the page's first paragraph
  (:func:`description`), whole: a description cut mid-sentence could drop a source's hedge.
- **Every image has its size**: ``width`` and ``height`` (the file's pixels, which the style
  sheet scales with the column), so nothing moves when it arrives; every image but one at the top
  of the page loads lazily, as the reader nears it (:func:`size_images`).

Each text that reaches the HTML is escaped for where it lands (attribute values).
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath
from typing import Any

from docutils import nodes
from fontTools import subset as ft_subset
from fontTools.ttLib import TTFont
from PIL import Image
from sphinx.application import Sphinx

#: The subset icon font, under the site's _static/ (named in _static/custom.css).
ICON_FONT = "report-icons.woff"
#: The theme's files the subset is made from (pydata-sphinx-theme 0.17).
THEME_FONT = "vendor/fontawesome/webfonts/fa-solid-900.ttf"
THEME_STYLES = ("styles/pydata-sphinx-theme.css", "styles/sphinx-book-theme.css")
#: Scripts that name every icon there is, not the ones shown.
NOT_SCANNED = frozenset({"fontawesome.js"})
#: The theme's icon classes: ``fa-bars``, ``fa-magnifying-glass``...
ICON_CLASS = re.compile(r"\bfa-[a-z0-9]+(?:-[a-z0-9]+)*")
#: Characters of Unicode's private use area, where Font Awesome puts its glyphs.
PRIVATE_USE = re.compile(r"[\ue000-\uf8ff]|\\(?:[eE][0-9a-fA-F]{3}|[fF][0-8][0-9a-fA-F]{2})\b")
#: A CSS rule (selectors and declarations), at the top level or inside an at-rule.
CSS_RULE = re.compile(r"([^{}]*)\{([^{}]*)\}")


# --- scripts and style sheets ---------------------------------------------------------------------


def deferred(scripts: Iterable[Any]) -> list[Any]:
    """The page's scripts, none blocking the first paint: each file ``defer`` (unless ``async``
    or already deferred), each inline script that sets ``DOCUMENTATION_OPTIONS`` a module script
    (run after the deferred ``documentation_options.js``, in document order). Other inline
    scripts (settings read later) are left as they are."""
    out = []
    for script in scripts:
        attributes = dict(script.attributes)
        body = attributes.get("body", "")
        if script.filename:
            if not {"async", "defer", "type"} & set(attributes):
                attributes["defer"] = "defer"
        elif "DOCUMENTATION_OPTIONS" in body and "type" not in attributes:
            attributes["type"] = "module"
        if attributes == script.attributes:
            out.append(script)
        else:
            out.append(type(script)(script.filename, priority=script.priority, **attributes))
    return out


#: Components Jupyter Book puts on every page, the files of each, and what in a page's body uses
#: it (a class): a page without that loads none of its files.
COMPONENTS: dict[str, tuple[tuple[str, ...], re.Pattern[str]]] = {
    "sphinx-thebe": (("sphinx-thebe.css", "sphinx-thebe.js"), re.compile(r'class="[^"]*\bthebe')),
    "sphinx-design": (("sphinx-design.min.css", "design-tabs.js"), re.compile(r'class="[^"]*\bsd-')),
    "togglebutton": (("togglebutton.css", "togglebutton.js"), re.compile(r'class="[^"]*\b(?:toggle|dropdown)\b')),
    "copybutton": (
        ("copybutton.css", "copybutton.js", "clipboard.min.js"),
        re.compile(r'class="[^"]*\bhighlight'),
    ),
}


def unused_files(body: str) -> set[str]:
    """The file names of the components a page's body does not use."""
    return {name for files, used in COMPONENTS.values() if not used.search(body) for name in files}


def print_only(css: str) -> bool:
    """Whether a style sheet holds nothing but ``@media print`` blocks (and comments)."""
    text = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL).strip()
    while text:
        match = re.match(r"@media\s+print\s*\{", text)
        if not match:
            return False
        depth, end = 1, match.end()
        while depth and end < len(text):
            depth += {"{": 1, "}": -1}.get(text[end], 0)
            end += 1
        if depth:
            return False
        text = text[end:].strip()
    return True


def _scripts_and_styles(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    unused = unused_files(context.get("body", ""))
    scripts = context.get("script_files")
    if isinstance(scripts, list):
        kept = [s for s in scripts if PurePosixPath(str(s.filename or "")).name not in unused]
        # The search page's template loads Sphinx's search scripts without defer, and they call
        # doctools.js as they load: there, Sphinx's scripts keep their order by staying undeferred.
        scripts[:] = kept if pagename == "search" else deferred(kept)
    styles = context.get("css_files")
    if isinstance(styles, list):
        styles[:] = [s for s in styles if PurePosixPath(str(s.filename)).name not in unused]
        for index, sheet in enumerate(styles):
            if "media" in sheet.attributes:
                continue
            for folder in app.config.html_static_path:
                path = Path(app.confdir, folder, str(sheet.filename).removeprefix("_static/"))
                if path.suffix == ".css" and path.is_file() and print_only(path.read_text(encoding="utf-8")):
                    styles[index] = type(sheet)(
                        sheet.filename, priority=sheet.priority, **sheet.attributes, media="print"
                    )
                    break


# --- descriptions ---------------------------------------------------------------------------------


def description(doctree: nodes.document) -> str:
    """A page's description: its first paragraph that stands in the page's own sections (not in
    a table, list, figure, note or notebook output), whole, its white space made single spaces;
    "" for a page that has none."""
    for paragraph in doctree.findall(nodes.paragraph):
        parent = paragraph.parent
        while isinstance(parent, nodes.section):
            parent = parent.parent
        if isinstance(parent, nodes.document):
            text = " ".join(paragraph.astext().split())
            if text:
                return text
    return ""


def _has_description(doctree: nodes.document) -> bool:
    """Whether the page sets its own (a ``meta`` directive or MyST's ``html_meta``)."""
    return any(
        str(node.get("name", "")).lower() == "description" for node in doctree.findall(lambda n: n.tagname == "meta")
    )


def _description(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    if doctree is not None and _has_description(doctree):
        return
    said = description(doctree) if doctree is not None else ""
    if not said:  # the search page and the index: what the page is, in the book's title
        title = re.sub(r"<[^>]*>", "", str(context.get("title") or pagename.capitalize()))
        said = f"{title}, {app.config.html_title or app.config.project}"
    context["metatags"] = (
        context.get("metatags", "") + f'\n<meta name="description" content="{html.escape(said, quote=True)}" />'
    )


# --- images ---------------------------------------------------------------------------------------

IMG = re.compile(r"<img\b[^>]*>")
ATTRIBUTE = re.compile(r'\s([a-zA-Z-]+)="([^"]*)"')


#: An image after this much text (characters, about two phone screens) is not on the first
#: screen: it loads lazily, when the reader nears it, and leaves the first screen's bytes alone.
FIRST_SCREEN_TEXT = 1200


def size_images(body: str, size_of: Callable[[str], tuple[int, int] | None]) -> str:
    """Every ``<img>`` of ``body`` with ``width`` and ``height`` (``size_of(src)``, in pixels, if
    it has neither), and ``loading="lazy"`` (unless it says otherwise) on every image but a first
    one that comes before :data:`FIRST_SCREEN_TEXT` characters of text."""
    count = 0

    def one(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        tag = match.group(0)
        attributes = dict(ATTRIBUTE.findall(tag))
        extra = []
        if "width" not in attributes and "height" not in attributes:
            size = size_of(html.unescape(attributes.get("src", "")))
            if size is not None:
                extra += [f'width="{size[0]}"', f'height="{size[1]}"']
        text_before = len(" ".join(re.sub(r"<[^>]*>", " ", body[: match.start()]).split()))
        if (count > 1 or text_before > FIRST_SCREEN_TEXT) and "loading" not in attributes:
            extra.append('loading="lazy"')
        if "decoding" not in attributes:
            extra.append('decoding="async"')
        end = -2 if tag.endswith("/>") else -1
        return tag[:end].rstrip() + " " + " ".join(extra) + (" />" if end == -2 else ">")

    return IMG.sub(one, body)


def _image_size(app: Sphinx, pagename: str) -> Callable[[str], tuple[int, int] | None]:
    """The pixel size of an image a page shows, from its source file (the builder copies it later)."""
    sources = {Path(dest).name: src for src, dest in getattr(app.builder, "images", {}).items()}
    page_dir = PurePosixPath(app.builder.get_target_uri(pagename)).parent

    def size_of(src: str) -> tuple[int, int] | None:
        if "://" in src or src.startswith("data:"):
            return None
        name = PurePosixPath(src.split("?", 1)[0]).name
        candidates = [Path(app.srcdir, sources[name])] if name in sources else []
        candidates.append(Path(app.outdir, str(page_dir / src)))
        for path in candidates:
            if path.is_file() and path.suffix.lower() in (".png", ".jpg", ".jpeg", ".gif", ".webp"):
                with Image.open(path) as image:
                    return image.size
        return None

    return size_of


def _images(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    if "<img" in context.get("body", ""):
        context["body"] = size_images(context["body"], _image_size(app, pagename))


# --- the icon font --------------------------------------------------------------------------------


def icon_codepoints(theme_css: str) -> dict[str, int]:
    """Each icon class of the theme's style sheet and its character: ``{"fa-bars": 0xF0C9}``."""
    out = {}
    for selectors, declarations in CSS_RULE.findall(theme_css):
        content = re.search(r'content:\s*"\\([0-9a-fA-F]{4,5})"', declarations)
        if not content:
            continue
        for name in re.findall(r"\.(fa-[a-z0-9-]+):(?:before|after)", selectors):
            out[name] = int(content.group(1), 16)
    return out


def drawn_by_styles(css: str) -> set[int]:
    """The icons a style sheet draws itself (``content``, ``--pst-icon-*``), not by an icon class."""
    out = set()
    for selectors, declarations in CSS_RULE.findall(css):
        if re.search(r"\.fa-[a-z0-9-]+:(?:before|after)", selectors):
            continue
        for char in PRIVATE_USE.findall(declarations):
            out.add(ord(char) if len(char) == 1 else int(char[1:], 16))
    return out


def icons_used(texts: Iterable[str], codepoints: dict[str, int]) -> set[int]:
    """The characters of the icon classes named in pages and scripts."""
    return {codepoints[name] for text in texts for name in ICON_CLASS.findall(text) if name in codepoints}


def subset_font(font: Path, characters: Iterable[int]) -> bytes:
    """``font`` cut to ``characters``, as WOFF; its names (copyright, licence) kept, its
    timestamps too, so the same characters give the same bytes."""
    options = ft_subset.Options()
    options.flavor = "woff"
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.layout_features = []
    with TTFont(str(font), recalcTimestamp=False) as loaded:
        subsetter = ft_subset.Subsetter(options)
        subsetter.populate(unicodes=sorted(characters))
        subsetter.subset(loaded)
        loaded.flavor = "woff"
        out = io.BytesIO()
        loaded.save(out, reorderTables=False)
    return out.getvalue()


def subset_icons(site: Path) -> set[int]:
    """Writes ``_static/report-icons.woff`` for the built site (only if it changed); the
    characters it holds."""
    static = site / "_static"
    styles = [(static / name).read_text(encoding="utf-8") for name in THEME_STYLES]
    codepoints = icon_codepoints(styles[0])
    texts = (
        path.read_text(encoding="utf-8", errors="replace")
        for pattern in ("*.html", "*.js")
        for path in sorted(site.rglob(pattern))
        if path.name not in NOT_SCANNED and ".doctrees" not in path.parts
    )
    characters = icons_used(texts, codepoints) | set().union(*(drawn_by_styles(css) for css in styles))
    data = subset_font(static / THEME_FONT, characters)
    target = static / ICON_FONT
    if not target.is_file() or target.read_bytes() != data:
        partial = target.with_suffix(".partial")
        partial.write_bytes(data)
        partial.replace(target)
    return characters


def _icons(app: Sphinx, exception: Exception | None) -> None:
    if exception is None and app.builder.format == "html" and Path(app.outdir, "_static", THEME_FONT).is_file():
        subset_icons(Path(app.outdir))


def setup(app: Sphinx) -> dict[str, Any]:
    # After the theme and the extensions have added their scripts, and after sphinx_fixes (900).
    app.connect("html-page-context", _scripts_and_styles, priority=950)
    app.connect("html-page-context", _description, priority=950)
    app.connect("html-page-context", _images, priority=950)
    app.connect("build-finished", _icons)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
