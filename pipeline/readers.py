"""Readers: files, directories, stdin, HTML and JSONL into `(text, metadata)` documents. No NLP here.

Every problem becomes a `Document` carrying a status and a reason rather than an exception, so one bad file
never stops a batch: `skipped` where there is nothing to process (an empty file, a page with no article body,
an unsupported file type, a text over the size limit), `failed` where the input is broken (binary data,
invalid UTF-8, a malformed JSONL line).
"""
from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Iterable, Iterator

from . import resources

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
METADATA_KEYS = ("id", "title", "url", "outlet", "published")


@dataclass
class Document:
    """One article to process, or the reason it cannot be (status `skipped` or `failed`)."""

    origin: str  # the file (and line) it came from, for messages
    text: str | None = None
    metadata: dict = field(default_factory=dict)
    status: str = "ok"  # ok | skipped | failed
    reason: str | None = None


def skipped(origin: str, reason: str) -> Document:
    return Document(origin, status="skipped", reason=reason)


def failed(origin: str, reason: str) -> Document:
    return Document(origin, status="failed", reason=reason)


UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def decode(data: bytes, origin: str) -> str | Document:
    """The text of `data`: UTF-8 (a BOM is dropped) or UTF-16 with its BOM; else the failed Document saying why not."""
    if data.startswith(UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as e:
            return failed(origin, f"invalid UTF-16 (it opens with a UTF-16 byte-order mark) at byte {e.start}")
    if b"\x00" in data[:8192]:
        return failed(origin, "binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        return failed(origin, f"invalid UTF-8 at byte {e.start}: {data[e.start:e.start + 4]!r}")


def limited(doc: Document, max_chars: int | None) -> Document:
    """`doc`, or a skip when its text is empty or longer than `max_chars`."""
    if doc.status != "ok":
        return doc
    if doc.text is None or not doc.text.strip():
        return skipped(doc.origin, "empty: no text")
    if max_chars and len(doc.text) > max_chars:
        return skipped(doc.origin, f"too long: {len(doc.text):,} characters, over the limit of {max_chars:,} (--max-chars)")
    return doc


def read_text(data: bytes, origin: str, path: str | None) -> Iterator[Document]:
    text = decode(data, origin)
    if isinstance(text, Document):
        yield text
        return
    yield Document(origin, text, {"path": path, **headline(text)})


def headline(text: str) -> dict:
    """{"title": first line} when a plain-text article opens with a headline line and a blank line."""
    first, sep, rest = text.lstrip("\ufeff").partition("\n")
    first = first.strip()
    if sep and rest.startswith(("\n", "\r\n")) and 0 < len(first) <= 200 and not first.endswith((".", "!", "?", "”", '"', ":")):
        return {"title": first}
    return {}


def read_html(data: bytes, origin: str, path: str | None) -> Iterator[Document]:
    """The article body of an HTML page (trafilatura removes navigation, ads and boilerplate) and its metadata."""
    import trafilatura

    html = decode(data, origin)
    if isinstance(html, Document):
        yield html
        return
    if not html.strip():
        yield skipped(origin, "empty: no text")
        return
    try:
        extracted = trafilatura.bare_extraction(html, include_comments=False, include_tables=False, with_metadata=True)
    except Exception as e:  # trafilatura raises on some malformed markup
        yield failed(origin, f"HTML could not be parsed: {e}")
        return
    body = extracted.text if extracted is not None else None
    words = len(body.split()) if body else 0
    if words < resources.load("pipeline")["min_html_body_words"]:
        yield skipped(origin, f"no article body found in the HTML page ({words} words of text outside the boilerplate)")
        return
    meta = {"path": path, "title": extracted.title, "url": extracted.url, "outlet": extracted.sitename,
            "published": extracted.date}
    yield Document(origin, body, {k: v for k, v in meta.items() if v})


def read_jsonl(lines: Iterable[str | bytes], origin: str, path: str | None) -> Iterator[Document]:
    """One article per line: `text` plus optional id, title, url, outlet, published."""
    for n, raw in enumerate(lines, start=1):
        where = f"{origin}:{n}"
        if isinstance(raw, bytes):
            raw = decode(raw, where)
            if isinstance(raw, Document):
                yield raw
                continue
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as e:
            yield failed(where, f"malformed JSON: {e.msg} at column {e.colno}")
            continue
        except RecursionError:
            yield failed(where, "JSON nested too deeply to read")
            continue
        if not isinstance(obj, dict):
            yield failed(where, f"expected a JSON object with a \"text\" field, got {type(obj).__name__}")
            continue
        text = obj.get("text")
        if not isinstance(text, str):
            yield failed(where, "no \"text\" string in the JSON object")
            continue
        meta = {k: str(obj[k]) for k in METADATA_KEYS if obj.get(k) is not None}
        meta["path"] = path
        yield Document(where, text, meta)


def read_path(path: Path) -> Iterator[Document]:
    """The documents in one file, by its type."""
    origin = str(path)
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES:
        yield skipped(origin, f"unsupported file type {suffix or '(none)'}: expected .txt, .html or .jsonl")
        return
    try:
        if suffix in JSONL_SUFFIXES:
            with path.open("rb") as f:
                yield from read_jsonl(f, origin, origin)
            return
        data = path.read_bytes()
    except OSError as e:
        yield failed(origin, f"cannot read: {e.strerror or e}")
        return
    reader = read_html if suffix in HTML_SUFFIXES else read_text
    yield from reader(data, origin, origin)


def read_stdin(stream: IO[bytes]) -> Iterator[Document]:
    """Standard input: JSONL when its first line is a JSON object, otherwise one plain-text article."""
    data = stream.read()
    first = data.lstrip()[:1]
    if first == b"{":
        first_line = data.lstrip().split(b"\n", 1)[0]
        try:
            if isinstance(json.loads(first_line), dict):
                yield from read_jsonl(data.splitlines(), "<stdin>", None)
                return
        except (json.JSONDecodeError, UnicodeDecodeError):
            pass
    yield from read_text(data, "<stdin>", None)


def expand(paths: Iterable[str]) -> Iterator[Path | str | Document]:
    """Files named or found (recursively, in sorted order, hidden files left out) under the given paths; a directory
    that cannot be listed or a symbolic link back into a directory already read is a failed `Document`."""
    for p in paths:
        if p == "-":
            yield "-"
        elif Path(p).is_dir():
            yield from walk(Path(p), set())
        else:
            yield Path(p)


def walk(directory: Path, seen: set[str]) -> Iterator[Path | Document]:
    """The files under `directory` in sorted order, descending into subdirectories (and links to them) once each."""
    real = os.path.realpath(directory)
    if real in seen:
        yield failed(str(directory), f"symbolic link loop: {real} is already being read")
        return
    seen = seen | {real}
    try:
        children = sorted(directory.iterdir())
    except OSError as e:
        yield failed(str(directory), f"cannot list the directory: {e.strerror or e}")
        return
    for child in children:
        if child.name.startswith("."):
            continue
        if child.is_dir():
            yield from walk(child, seen)
        elif child.is_file():
            yield child
        elif child.is_symlink():
            yield failed(str(child), "broken symbolic link")


def read(paths: Iterable[str], max_chars: int | None = None) -> Iterator[Document]:
    """Every document under `paths` ("-" for stdin), each ready to process or carrying why it is not."""
    for item in expand(paths):
        if isinstance(item, Document):
            yield item
            continue
        if item == "-":
            docs = read_stdin(sys.stdin.buffer)
        elif not item.exists():
            docs = iter([failed(str(item), "no such file or directory")])
        else:
            docs = read_path(item)
        try:
            for doc in docs:
                yield limited(doc, max_chars)
        except Exception as e:  # a reader bug or an unreadable file must not stop the batch
            yield failed(str(item), f"cannot read: {type(e).__name__}: {e}")
