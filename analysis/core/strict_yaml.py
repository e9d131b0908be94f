"""Read a YAML file exactly, or refuse it.

The evidence files are hand-written and may come from anyone, so the loader is stricter than
``yaml.safe_load``:

- anchors and aliases (``&a`` / ``*a``, and ``<<`` merge keys) are refused before anything is
  built, so a file of nested aliases cannot expand into gigabytes;
- a key given twice in one mapping is an error naming both lines (``safe_load`` keeps the last);
- keys must be text;
- nesting deeper than :data:`MAX_DEPTH` mappings and lists is refused, found from the parser's
  events before any node is built (libyaml's parser keeps its own stack; building the nodes of a
  file nested 50,000 deep would overflow the C stack and kill the process);
- a file larger than a cap is refused unread (:func:`analysis.core.inputs.read_text`: a regular
  file, read with that limit).

It uses libyaml's C parser where PyYAML was built with it (``yaml.CSafeLoader``), which is many
times faster on large files.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

import yaml

from analysis.core import inputs

_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
C_ACCELERATED: bool = _Base is not yaml.SafeLoader
#: The deepest nesting of mappings and lists read: an evidence file needs four (the file, its
#: records, a record, a record's list of hedges or flags).
MAX_DEPTH = 20


class StrictYamlError(inputs.InputError):
    """The file is not YAML this project reads; the message names the file and the line."""


class _Loader(_Base):
    """A safe loader that refuses duplicate keys, non-text keys and shared (aliased) nodes."""

    def construct_object(self, node: Any, deep: bool = False) -> Any:
        if node in self.constructed_objects or node in self.recursive_objects:
            raise yaml.constructor.ConstructorError(
                None, None, "aliases are not allowed (a node is used twice)", node.start_mark
            )
        return super().construct_object(node, deep=deep)

    def construct_mapping(self, node: Any, deep: bool = False) -> dict[str, Any]:
        if not isinstance(node, yaml.MappingNode):
            raise yaml.constructor.ConstructorError(None, None, f"expected a mapping, found {node.id}", node.start_mark)
        mapping: dict[str, Any] = {}
        lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise yaml.constructor.ConstructorError(
                    None, None, "merge keys (<<) are not allowed", key_node.start_mark
                )
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                raise yaml.constructor.ConstructorError(
                    None, None, f"keys must be text, found {key!r}", key_node.start_mark
                )
            if key in mapping:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r} (first given on line {lines[key]})", key_node.start_mark
                )
            lines[key] = key_node.start_mark.line + 1
            mapping[key] = self.construct_object(value_node, deep=True)
        return mapping


_Loader.add_constructor("tag:yaml.org,2002:map", lambda loader, node: loader.construct_mapping(node, deep=True))


class _Mark(Protocol):
    """Where in the text the parser was (PyYAML's own marks and libyaml's alike)."""

    line: int  # counted from 0


def _where(path: Path, mark: _Mark | None) -> str:
    """``path:line`` of a mark; the path alone where the parser gave no mark."""
    return f"{path}:{mark.line + 1}" if mark is not None else str(path)


def _refuse_shapes(text: str, path: Path) -> None:
    """Refuse any anchor or alias, and nesting deeper than :data:`MAX_DEPTH`, found from the
    parser's events (no node is built)."""
    depth = 0
    for event in yaml.parse(text, Loader=_Base):
        if isinstance(event, yaml.AliasEvent):
            raise StrictYamlError(f"{_where(path, event.start_mark)}: aliases (*{event.anchor}) are not allowed")
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise StrictYamlError(f"{_where(path, event.start_mark)}: anchors (&{anchor}) are not allowed")
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise StrictYamlError(
                    f"{_where(path, event.start_mark)}: nested more than {MAX_DEPTH} deep (an evidence file needs four)"
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def load(path: Path, max_bytes: int) -> Any:
    """The document in a YAML file, read strictly; :class:`StrictYamlError` names what is wrong."""
    try:
        text = inputs.read_text(path, max_bytes, "an evidence file")
    except inputs.InputError as err:
        raise StrictYamlError(str(err)) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        _refuse_shapes(text, path)
        return yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as err:
        where = _where(path, err.problem_mark or err.context_mark)
        raise StrictYamlError(f"{where}: not valid YAML: {' '.join(str(err.problem or err).split())}") from None
    except yaml.YAMLError as err:
        raise StrictYamlError(f"{path}: not valid YAML: {' '.join(str(err).split())}") from None
    except RecursionError:
        raise StrictYamlError(f"{path}: nested too deeply to be an evidence file") from None
