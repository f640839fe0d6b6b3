"""Where a site keeps what: its content folders and its templates (beside the built-in
ones). Kept apart from the stages that read them, so that a build with nothing to do
finds its inputs without importing the whole pipeline."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

SOURCES_DIR = Path("content/sources")
EVENT_DIRS = (Path("content/events"), Path("content/candidates"))
BUILTIN_TEMPLATES = Path(str(files("builder.templates")))


def template_dirs(site_dir: Path) -> list[Path]:
    """The site's own `templates/` folder, searched first, then the built-in templates."""
    own = site_dir / "templates"
    return [own, BUILTIN_TEMPLATES] if own.is_dir() else [BUILTIN_TEMPLATES]
