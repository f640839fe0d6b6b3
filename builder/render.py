"""Render stage: the view model through Jinja2 templates into a map of output path to bytes.

A site's own `templates/` folder is searched before the built-in templates, file by file,
so a site overrides one template or one stylesheet without copying the rest.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, select_autoescape

from builder.config import SiteConfig
from builder.meta import PageMeta
from builder.publishing import publishing_outputs
from builder.views import SiteView

BUILTIN_TEMPLATES = Path(str(files("builder.templates")))
STATIC_DIR = "static"


def template_dirs(site_dir: Path) -> list[Path]:
    own = site_dir / "templates"
    return [own, BUILTIN_TEMPLATES] if own.is_dir() else [BUILTIN_TEMPLATES]


def make_environment(site_dir: Path) -> Environment:
    loaders = [FileSystemLoader(str(folder)) for folder in template_dirs(site_dir)]
    return Environment(
        loader=ChoiceLoader(loaders),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def static_files(site_dir: Path) -> dict[str, bytes]:
    """Stylesheets and other assets; a site's own file replaces the built-in one of that name."""
    assets: dict[str, bytes] = {}
    for folder in reversed(template_dirs(site_dir)):
        static = folder / STATIC_DIR
        if not static.is_dir():
            continue
        for path in sorted(static.rglob("*")):
            if path.is_file() and not path.name.startswith((".", "__")):
                assets[f"{STATIC_DIR}/{path.relative_to(static).as_posix()}"] = path.read_bytes()
    return assets


def render_pages(view: SiteView, config: SiteConfig, site_dir: Path) -> dict[str, bytes]:
    env = make_environment(site_dir)
    shared = {"site": config, "view": view, "meta": PageMeta(config, view)}

    def page(template: str, root: str, **context: object) -> bytes:
        html = env.get_template(template).render(**shared, root=root, **context)
        return html.encode("utf-8")

    pages = {"index.html": page("index.html", "", years=view.years)}
    for event in view.events:
        pages[event.url] = page("event.html", "../", event=event)
    pages["tags/index.html"] = page("tags.html", "../", tags=view.tags)
    for tag in view.tags:
        pages[tag.url] = page("tag.html", "../", tag=tag)
    pages["sources/index.html"] = page("sources.html", "../", sources=view.sources)
    for source in view.sources:
        pages[source.url] = page("source.html", "../", source=source)
    pages.update(static_files(site_dir))
    pages.update(publishing_outputs(view, config, list(pages)))
    return pages
