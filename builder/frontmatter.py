"""Split a content file into YAML front matter and body, keeping the line of every key.

Front matter is data written by hand, so the YAML accepted is deliberately plain: text,
numbers, true/false, lists and mappings. Tags that build other objects (`!!python/...`,
`!!binary`, `!!set`), aliases (which make "billion laughs" bombs possible) and very deep
nesting are refused before anything is constructed, each at its own line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml


class FrontMatterError(ValueError):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


class _StrictLoader(yaml.SafeLoader):
    """Safe loading, with dates left as text: our own date type reads them at their precision."""


_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

# Nothing in our front matter needs more than a few levels (sources → item → quote).
MAX_DEPTH = 20
_PLAIN_TAGS = {
    None,
    "!",
    *(
        f"tag:yaml.org,2002:{name}"
        for name in ("str", "int", "float", "bool", "null", "seq", "map")
    ),
}

KeyPath = tuple[str | int, ...]


@dataclass
class FrontMatter:
    data: dict
    body: str
    body_line: int  # 1-based line of the body's first line
    lines: dict[KeyPath, int] = field(default_factory=dict)
    # (line, message) of each key written twice in one mapping: YAML keeps the last silently.
    duplicates: list[tuple[int, str]] = field(default_factory=list)

    def line_of(self, *path: str | int) -> int:
        """The line of the key (or list item) at `path`, or the nearest enclosing one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return 1


def parse_front_matter(text: str) -> FrontMatter:
    """Read `---` YAML `---` then the body. Raises FrontMatterError with a 1-based line."""
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise FrontMatterError(
            1,
            "the file must start with a front matter block opened by '---'; "
            "add '---', the keys, then '---' above the text",
        )
    closing = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if closing is None:
        raise FrontMatterError(
            1,
            "the front matter opened by '---' on line 1 is never closed; "
            "add a line '---' after its last key",
        )
    yaml_text = "\n".join(lines[1:closing])
    node, data = _load_yaml(yaml_text)
    if node is None:
        data = {}
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else f"the single value {data!r}"
        raise FrontMatterError(
            2,
            f"front matter must be a mapping of keys to values (such as 'title: ...'), not {kind}",
        )
    front = FrontMatter(data, "\n".join(lines[closing + 1 :]), closing + 2)
    if node is not None:
        _collect_lines(node, (), front)
    return front


def _load_yaml(yaml_text: str) -> tuple[yaml.Node | None, object]:
    fast = _load_plain_yaml(yaml_text)
    if fast is not None:
        return fast
    _check_events(yaml_text)
    loader = _StrictLoader(yaml_text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        raise _yaml_problem(error) from None
    except yaml.YAMLError as error:
        raise FrontMatterError(1, f"broken YAML front matter: {error}") from None
    finally:
        loader.dispose()
    return node, data


_FastLoader = None
if getattr(yaml, "__with_libyaml__", False):

    class _FastLoader(yaml.CSafeLoader):  # type: ignore[no-redef]
        """libyaml's parser with the strict loader's resolvers: 20 times faster."""

    _FastLoader.yaml_implicit_resolvers = _StrictLoader.yaml_implicit_resolvers


def _load_plain_yaml(yaml_text: str) -> tuple[yaml.Node | None, object] | None:
    """The common case, fast: plain YAML parsed by libyaml. None for anything unusual
    (an error, a tag, an alias, deep nesting), which the careful path then reads and
    reports with its own messages."""
    if _FastLoader is None:
        return None
    loader = _FastLoader(yaml_text)
    try:
        node = loader.get_single_node()
        if node is not None and not _is_plain(node, set(), 0):
            return None
        return node, loader.construct_document(node) if node is not None else None
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()


def _is_plain(node: yaml.Node, seen: set[int], depth: int) -> bool:
    # A node met twice is an alias; a resolved tag outside the plain set is an explicit
    # tag or a special key such as '<<'.
    if id(node) in seen or node.tag not in _PLAIN_TAGS:
        return False
    seen.add(id(node))
    if isinstance(node, yaml.SequenceNode):
        return depth < MAX_DEPTH and all(_is_plain(item, seen, depth + 1) for item in node.value)
    if isinstance(node, yaml.MappingNode):
        return depth < MAX_DEPTH and all(
            _is_plain(key, seen, depth + 1) and _is_plain(value, seen, depth + 1)
            for key, value in node.value
        )
    return True


def _check_events(yaml_text: str) -> None:
    """Refuse aliases, object tags and deep nesting while parsing, before composing:
    composing and constructing are recursive and would expand an alias bomb."""
    depth = 0
    try:
        for event in yaml.parse(yaml_text, Loader=_StrictLoader):
            line = event.start_mark.line + 2
            if isinstance(event, yaml.AliasEvent):
                raise FrontMatterError(
                    line,
                    f"YAML alias '*{event.anchor}' is not allowed in front matter; "
                    "write the value out in full",
                )
            tag = getattr(event, "tag", None)
            if tag not in _PLAIN_TAGS:
                shown = tag.replace("tag:yaml.org,2002:", "!!")
                raise FrontMatterError(
                    line,
                    f"YAML tag {shown!r} is not allowed in front matter; "
                    "use plain text, numbers, true/false, lists and mappings",
                )
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise FrontMatterError(
                        line,
                        f"front matter is nested more than {MAX_DEPTH} levels deep; "
                        "flatten these lists and mappings",
                    )
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.MarkedYAMLError as error:
        raise _yaml_problem(error) from None
    except yaml.YAMLError as error:
        raise FrontMatterError(1, f"broken YAML front matter: {error}") from None


def _yaml_problem(error: yaml.MarkedYAMLError) -> FrontMatterError:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 2 if mark is not None else 1
    reason = error.problem or "invalid YAML"
    if error.context:
        started = error.context_mark
        if started is not None and mark is not None and started.line != mark.line:
            reason = f"{error.context} (begun on line {started.line + 2}), {reason}"
        else:
            reason = f"{error.context}, {reason}"
    return FrontMatterError(
        line,
        f"broken YAML front matter: {reason}; check the quoting and indentation here "
        "(text with ': ' or starting with a special character needs quotes)",
    )


def _collect_lines(node: yaml.Node, path: KeyPath, front: FrontMatter) -> None:
    # Front matter starts on file line 2, and PyYAML counts lines from 0.
    front.lines[path] = node.start_mark.line + 2
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                continue
            line = key_node.start_mark.line + 2
            if key_node.value in seen:
                front.duplicates.append(
                    (
                        line,
                        f"duplicate key {key_node.value!r} (first on line "
                        f"{seen[key_node.value]}); only one value can be kept, remove the other",
                    )
                )
            seen.setdefault(key_node.value, line)
            child = (*path, key_node.value)
            _collect_lines(value_node, child, front)
            front.lines[child] = line
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _collect_lines(item, (*path, index), front)
