"""Files that name articles or feeds by their address rather than holding them.

`timeline add` takes them as it takes a single address: an OPML subscription list (what
feed readers export), a browser's link shortcut (.url on Windows, .webloc on macOS) and
a plain text file of addresses, one per line ('#' starts a comment line). Each format is
read with the parser made for it: lxml for OPML, configparser for .url, plistlib for
.webloc.
"""

from __future__ import annotations

import configparser
import plistlib
from xml.parsers.expat import ExpatError

import lxml.etree

OPML_SUFFIXES = (".opml",)
SHORTCUT_SUFFIXES = (".url", ".webloc")
LIST_SUFFIXES = OPML_SUFFIXES + SHORTCUT_SUFFIXES
_WEB = ("https://", "http://")


class AddressListError(ValueError):
    """The file is of a listing kind but cannot be read; the message says why."""


def is_web_address(text: str) -> bool:
    return text.lower().startswith(_WEB) and not any(char.isspace() for char in text)


def listed_addresses(suffix: str, data: bytes) -> list[str] | None:
    """The web addresses a file lists, in its order, or None when the file is not a list
    of addresses (an article, a source file or a feed). `suffix` is the file's, lowercase.
    """
    if suffix in OPML_SUFFIXES:
        return _opml(data)
    if suffix == ".url":
        return _internet_shortcut(data)
    if suffix == ".webloc":
        return _webloc(data)
    return _plain_list(data)


def _opml(data: bytes) -> list[str]:
    # No entity expansion and no network: the file may come from anywhere.
    parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True, recover=False)
    try:
        root = lxml.etree.fromstring(data, parser)
    except lxml.etree.XMLSyntaxError as error:
        raise AddressListError(
            f"not a readable OPML file (line {error.lineno}: {error.msg})"
        ) from None
    if root.tag != "opml":
        raise AddressListError("not an OPML file: its root element is not <opml>")
    addresses = []
    for outline in root.iter("outline"):
        # A feed subscription has xmlUrl; a plain link outline has url.
        attributes = {name.lower(): value for name, value in outline.attrib.items()}
        address = (attributes.get("xmlurl") or attributes.get("url") or "").strip()
        if is_web_address(address):
            addresses.append(address)
    return list(dict.fromkeys(addresses))


def _internet_shortcut(data: bytes) -> list[str]:
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    try:
        parser.read_string(data.decode("utf-8-sig", errors="replace"))
        address = parser.get("InternetShortcut", "URL", fallback="").strip()
    except configparser.Error as error:
        raise AddressListError(f"not a readable link shortcut ({error.message})") from None
    if not is_web_address(address):
        raise AddressListError("the link shortcut holds no http:// or https:// address")
    return [address]


def _webloc(data: bytes) -> list[str]:
    try:
        value = plistlib.loads(data)
    except (plistlib.InvalidFileException, ValueError, ExpatError) as error:
        raise AddressListError(f"not a readable .webloc link ({error})") from None
    address = value.get("URL", "") if isinstance(value, dict) else ""
    if not isinstance(address, str) or not is_web_address(address.strip()):
        raise AddressListError("the .webloc link holds no http:// or https:// address")
    return [address.strip()]


def _plain_list(data: bytes) -> list[str] | None:
    """The addresses of a text file that holds nothing else, or None."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    lines = [line.strip() for line in text.splitlines()]
    lines = [line for line in lines if line and not line.startswith("#")]
    if not lines or not all(is_web_address(line) for line in lines):
        return None
    return list(dict.fromkeys(lines))
