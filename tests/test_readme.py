"""The README cannot go stale: it documents every command the CLI has."""

from builder.cli import main
from tests.conftest import REPO


def test_the_readme_documents_every_command():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    missing = [name for name in main.commands if f"`timeline {name}" not in readme]
    assert not missing, f"commands missing from the README's command table: {missing}"


def test_the_readme_gives_the_two_make_commands():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "make site" in readme and "make test" in readme
    assert "make test" in (REPO / ".ci" / "run").read_text()
