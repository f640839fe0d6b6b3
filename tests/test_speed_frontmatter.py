"""The fast front-matter path (one walk over libyaml's nodes, see builder.frontmatter)
gives what libyaml's nodes, PyYAML's constructor and the line collector give, or leaves
the text to the careful path in the same cases, on generated YAML."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builder import frontmatter as F

SETTINGS = settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])

pytestmark = pytest.mark.skipif(F._FastLoader is None, reason="PyYAML without libyaml")


def reference_is_plain(node: yaml.Node, seen: set[int], depth: int) -> bool:
    if id(node) in seen or node.tag not in F._PLAIN_TAGS:
        return False
    seen.add(id(node))
    if isinstance(node, yaml.SequenceNode):
        return depth < F.MAX_DEPTH and all(
            reference_is_plain(item, seen, depth + 1) for item in node.value
        )
    if isinstance(node, yaml.MappingNode):
        return depth < F.MAX_DEPTH and all(
            reference_is_plain(key, seen, depth + 1) and reference_is_plain(value, seen, depth + 1)
            for key, value in node.value
        )
    return True


def reference(yaml_text: str):
    """What the fast path gave before: libyaml's node checked, then PyYAML's constructor,
    then the lines collected from the node."""
    loader = F._FastLoader(yaml_text)
    try:
        node = loader.get_single_node()
        if node is not None and not reference_is_plain(node, set(), 0):
            return None
        data = loader.construct_document(node) if node is not None else None
    except (yaml.YAMLError, *F._MISFIT):  # a value its tag does not fit: the careful path's
        return None
    finally:
        loader.dispose()
    front = F.FrontMatter({}, "", 0)
    if node is not None:
        F._collect_lines(node, (), front)
    return repr(data), front.lines, front.duplicates


def outcome(function, yaml_text: str):
    try:
        result = function(yaml_text)
    except Exception as error:  # the same error either way
        return type(error), str(error)
    if result is not None and not isinstance(result[0], str):  # the fast path's own result
        _node, data, walk = result
        return repr(data), walk.lines, walk.duplicates
    return result


def assert_same(yaml_text: str) -> None:
    assert outcome(F._load_plain_yaml, yaml_text) == outcome(reference, yaml_text), yaml_text


KEYS = ["a", "b", "title", "date", "1", "1.0", "true", "null", "~", "''", '"a"', "=", "<<",
        "? [x]", "? {y: 1}", "[k]", "{m: 1}", "&k a", "*k", "!!str k", "!!int 3"]  # fmt: skip
SCALARS = ["x", "two words", "'q: x'", '"d\\n"', "1", "-2", "0x1F", "0o7", "0b101", "0b_",
           "0x_", "1_000", "1:30", "3.5", "1e3", "1.0e+3", "._", ".inf", "-.Inf", ".nan",
           "true", "No", "on", "null", "~", "", "2024-11-30", "!!bool maybe", "!!bool yes",
           "!!int x", "!!int 12", "!!float x", "!!float 1", "!!null x", "!!str 12", "! x",
           "!!seq x", "!!map x", "!!binary aGk=", "!!python/name:os.system", "&a 1", "*a",
           "!local x", "|\n  block\n  text", ">\n  folded", "'unclosed", ": x", "- x",
           "[1, [2, [3]]]", "{a: 1, a: 2}", "[]", "{}", "!!str [1]", "!!seq [1]",
           "!!map {a: 1}", "!!seq {a: 1}", "&l [1]", "{[1]: 2}", "{1: a, 1.0: b, true: c}",
           "{.nan: 1, .nan: 2}", "@x", "`x", "%x"]  # fmt: skip


@st.composite
def documents(draw, depth: int = 0) -> str:
    indent = "  " * depth
    lines = []
    for _ in range(draw(st.integers(0, 4))):
        key = draw(st.sampled_from(KEYS))
        kind = draw(st.sampled_from(["scalar"] * 4 + (["map", "seq"] if depth < 3 else [])))
        if kind == "scalar":
            lines.append(f"{indent}{key}: {draw(st.sampled_from(SCALARS))}")
        elif kind == "map":
            lines.append(f"{indent}{key}:")
            lines.append(draw(documents(depth + 1)) or f"{indent}  z: 1")
        else:
            lines.append(f"{indent}{key}:")
            for _ in range(draw(st.integers(1, 3))):
                lines.append(f"{indent}  - {draw(st.sampled_from(SCALARS))}")
    return "\n".join(lines)


@given(documents())
@SETTINGS
def test_generated_front_matter_reads_alike(text: str) -> None:
    assert_same(text)


@given(
    st.lists(
        st.sampled_from(KEYS + SCALARS + [": ", "\n", "  ", "- ", "[", "]", "{", "}", ", "]),
        max_size=25,
    )
)
@SETTINGS
def test_scrambled_front_matter_reads_alike(pieces: list[str]) -> None:
    assert_same("".join(pieces))


@given(st.text(max_size=60))
@SETTINGS
def test_any_text_reads_alike(text: str) -> None:
    assert_same(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "a: 1",
        "a: 1\na: 2",
        "a: &x 1\nb: *x",
        "a: [" * 25 + "]" * 25,
        "a:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 25)) + "  " * 25 + "v: 1",
        "? [1]\n: 2",
        "x: 0b_\n? [1]\n: 2",
        "? [1]\n: 2\nx: 0b_",
        "a: !!bool maybe",
        "a: ._\nb: !!python/name:os.system",
        "- 1\n- 2",
        "just text",
        "title: T\nsources:\n  - source: s1\n    quote: q\n  - source: s2\n    quote: r",
    ],
)
def test_examples_read_alike(text: str) -> None:
    assert_same(text)
