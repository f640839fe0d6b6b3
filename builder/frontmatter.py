"""Split a content file into YAML front matter and body, keeping the line of every key.

Front matter is data written by hand, so the YAML accepted is deliberately plain: text,
numbers, true/false, lists and mappings. Tags that build other objects (`!!python/...`,
`!!binary`, `!!set`), aliases (which make "billion laughs" bombs possible) and very deep
nesting are refused before anything is constructed, each at its own line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml


class FrontMatterError(ValueError):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


class _StrictLoader(yaml.SafeLoader):
    """Safe loading, with dates left as text: our own date type reads them at their
    precision. Whole numbers are plain decimals: YAML 1.1 also reads 03750 (octal),
    0x7E8, 2_024 and 33:44 (base 60) as numbers, each of them 2024, a year nobody wrote."""


_INT = "tag:yaml.org,2002:int"
_StrictLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:timestamp", _INT)
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_StrictLoader.add_implicit_resolver(
    _INT, re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789")
)

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
_SEPARATORS_AS_SPACES = str.maketrans("\x85\u2028\u2029", "   ")


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
    # YAML 1.1 reads NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR (pasted from web pages)
    # as line breaks: one in a title broke the key and shifted every line number after it.
    yaml_text = "\n".join(lines[1:closing]).translate(_SEPARATORS_AS_SPACES)
    fast = _load_plain_yaml(yaml_text)
    if fast is None:
        node, data = _load_yaml(yaml_text)
    else:
        node, data, walk = fast
    if node is None:
        data = {}
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else f"the single value {data!r}"
        raise FrontMatterError(
            2,
            f"front matter must be a mapping of keys to values (such as 'title: ...'), not {kind}",
        )
    front = FrontMatter(data, "\n".join(lines[closing + 1 :]), closing + 2)
    if fast is not None:
        front.lines, front.duplicates = walk.lines, walk.duplicates
    elif node is not None:
        _collect_lines(node, (), front)
    return front


def _load_yaml(yaml_text: str) -> tuple[yaml.Node | None, object]:
    """The careful path: YAML read by PyYAML's own parser, each problem at its line."""
    _check_events(yaml_text)
    loader = _StrictLoader(yaml_text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except _MISFIT:
        raise _misfit(node, loader) from None
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


def _load_plain_yaml(yaml_text: str) -> tuple[yaml.Node | None, object, _Walk] | None:
    """The common case, fast: plain YAML parsed by libyaml, with the line of every key.
    None for anything unusual (an error, a tag, an alias, deep nesting), which the careful
    path then reads and reports with its own messages."""
    if _FastLoader is None:
        return None
    loader = _FastLoader(yaml_text)
    try:
        node = loader.get_single_node()
        walk = _Walk()
        if node is None:
            return None, None, walk
        if not walk.plain(node, (), 0):
            return None
        try:
            data = _construct(node, loader)
        except _Unusual:  # leave it to PyYAML, errors and all
            data = loader.construct_document(node)
        return node, data, walk
    except (yaml.YAMLError, *_MISFIT):
        return None
    finally:
        loader.dispose()


_SEQ, _MAP = "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"
_STR = "tag:yaml.org,2002:str"
_SCALARS = {f"tag:yaml.org,2002:{name}" for name in ("null", "bool", "int", "float")}


class _Walk:
    """One pass over a composed document: whether it is plain (a tree of plain tags, not
    nested too deep) and, as it goes, the line of every key (see `_collect_lines`)."""

    def __init__(self) -> None:
        self.seen: set[int] = set()
        self.lines: dict[KeyPath, int] = {}
        self.duplicates: list[tuple[int, str]] = []

    def plain(self, node: yaml.Node, path: KeyPath, depth: int) -> bool:
        # A node met twice is an alias; a resolved tag outside the plain set is an
        # explicit tag or a special key such as '<<'.
        if id(node) in self.seen or node.tag not in _PLAIN_TAGS:
            return False
        self.seen.add(id(node))
        # Front matter starts on file line 2, and PyYAML counts lines from 0.
        self.lines[path] = node.start_mark.line + 2
        if isinstance(node, yaml.MappingNode):
            if depth >= MAX_DEPTH:
                return False
            seen: dict[str, int] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    # A list or mapping as a key cannot be constructed: the document
                    # will not be kept, whatever lines are noted here.
                    if not (
                        self.plain(key_node, (), depth + 1)
                        and self.plain(value_node, (), depth + 1)
                    ):
                        return False
                    continue
                if id(key_node) in self.seen or key_node.tag not in _PLAIN_TAGS:
                    return False
                self.seen.add(id(key_node))
                line = key_node.start_mark.line + 2
                if key_node.value in seen:
                    self.duplicates.append(
                        (
                            line,
                            f"duplicate key {key_node.value!r} (first on line "
                            f"{seen[key_node.value]}); only one value can be kept, "
                            "remove the other",
                        )
                    )
                seen.setdefault(key_node.value, line)
                child = (*path, _key(key_node))
                if not self.plain(value_node, child, depth + 1):
                    return False
                self.lines[child] = line
        elif isinstance(node, yaml.SequenceNode):
            if depth >= MAX_DEPTH:
                return False
            for index, item in enumerate(node.value):
                if not self.plain(item, (*path, index), depth + 1):
                    return False
        return True


_KEY_MAKER = _StrictLoader("")  # only its constructors are used, by _key


def _key(node: yaml.ScalarNode) -> object:
    """A key as the data has it: 1, True or None for '1:', 'yes:' or '~:', so that the
    line of such a key is found too."""
    if node.tag in _SCALARS:
        try:
            return _KEY_MAKER.yaml_constructors[node.tag](_KEY_MAKER, node)
        except _MISFIT:
            pass
    return node.value


class _Unusual(Exception):
    """Something `_construct` leaves to PyYAML's constructor."""


def _construct(node: yaml.Node, loader: yaml.BaseLoader) -> object:
    """`loader.construct_document(node)` for a plain document (see `_Walk`), without its
    machinery; raises _Unusual for anything else: keys that are lists or mappings, a
    tag on the wrong kind of node, a value the constructor refuses."""
    tag = node.tag
    if isinstance(node, yaml.ScalarNode):
        if tag == _STR:
            return node.value
        if tag in _SCALARS:
            try:
                return loader.yaml_constructors[tag](loader, node)
            except Exception:
                raise _Unusual from None
    elif isinstance(node, yaml.MappingNode):
        if tag == _MAP:
            mapping = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    raise _Unusual
                mapping[_construct(key_node, loader)] = _construct(value_node, loader)
            return mapping
    elif isinstance(node, yaml.SequenceNode) and tag == _SEQ:
        return [_construct(item, loader) for item in node.value]
    raise _Unusual


# What PyYAML's constructors raise for a value its explicit tag does not fit ("!!int en").
_MISFIT = (ValueError, KeyError, TypeError)


def _misfit(node: yaml.Node, loader: yaml.BaseLoader) -> FrontMatterError:
    """The error for the first value in `node` that its explicit tag does not fit."""
    pending = [node]
    while pending:
        current = pending.pop(0)
        if isinstance(current, yaml.ScalarNode) and current.tag in _SCALARS:
            try:
                loader.yaml_constructors[current.tag](loader, current)
            except _MISFIT:
                shown = current.tag.replace("tag:yaml.org,2002:", "!!")
                return FrontMatterError(
                    current.start_mark.line + 2,
                    f"YAML tag {shown!r} does not fit the value {current.value!r}; remove the tag",
                )
        elif isinstance(current, yaml.SequenceNode):
            pending.extend(current.value)
        elif isinstance(current, yaml.MappingNode):
            pending.extend(item for pair in current.value for item in pair)
    return FrontMatterError(1, "broken YAML front matter: a tagged value does not fit its tag")


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
            child = (*path, _key(key_node))
            _collect_lines(value_node, child, front)
            front.lines[child] = line
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _collect_lines(item, (*path, index), front)
