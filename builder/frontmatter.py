"""Split a content file into YAML front matter and body, keeping the line of every key."""

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

KeyPath = tuple[str | int, ...]


@dataclass
class FrontMatter:
    data: dict
    body: str
    body_line: int  # 1-based line of the body's first line
    lines: dict[KeyPath, int] = field(default_factory=dict)

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
        raise FrontMatterError(1, "the file must start with a front matter block opened by '---'")
    closing = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if closing is None:
        raise FrontMatterError(1, "the front matter opened by '---' on line 1 is never closed")
    yaml_text = "\n".join(lines[1:closing])
    try:
        node = yaml.compose(yaml_text, Loader=_StrictLoader)
        data = yaml.load(yaml_text, Loader=_StrictLoader) if node is not None else {}
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 2 if mark is not None else 1
        reason = error.problem or "invalid YAML"
        if error.context:
            reason = f"{error.context}, {reason}"
        raise FrontMatterError(line, f"broken YAML front matter: {reason}") from None
    except yaml.YAMLError as error:
        raise FrontMatterError(1, f"broken YAML front matter: {error}") from None
    if not isinstance(data, dict):
        kind = type(data).__name__
        raise FrontMatterError(2, f"front matter must be a mapping of keys to values, not a {kind}")
    key_lines: dict[KeyPath, int] = {}
    if node is not None:
        _collect_lines(node, (), key_lines)
    body = "\n".join(lines[closing + 1 :])
    return FrontMatter(data, body, closing + 2, key_lines)


def _collect_lines(node: yaml.Node, path: KeyPath, out: dict[KeyPath, int]) -> None:
    # Front matter starts on file line 2, and PyYAML counts lines from 0.
    out[path] = node.start_mark.line + 2
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                child = (*path, key_node.value)
                _collect_lines(value_node, child, out)
                out[child] = key_node.start_mark.line + 2
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _collect_lines(item, (*path, index), out)
