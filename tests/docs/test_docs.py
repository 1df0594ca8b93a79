"""`make docs`: the API reference page, the second linter and the second generator.

The docs build runs once per module (``scripts/docs.py --out <tmp>``); the tests then check
that the page documents every operation of ``openapi/wxkefu.yaml``, that it renders in a
real browser (Debian's headless Chromium: the rendered DOM through Selenium, and a
screenshot), and that ``redocly.yaml`` keeps the rules we rely on. Node/npm missing → skip;
Chromium/chromedriver missing → installed by ``scripts/ensure_chromedriver.sh`` under CI=true
or WXKEFU_PROFILE=full, skipped otherwise (tests/headless.py).
"""

from __future__ import annotations

import functools
import html
import http.server
import importlib.util
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import threading
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import headless
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
#: The spec under test; WXKEFU_DOCS_SPEC points the suite at another file (development).
SPEC = Path(os.environ.get("WXKEFU_DOCS_SPEC", ROOT / "openapi" / "wxkefu.yaml"))
DOCS_SCRIPT = ROOT / "scripts" / "docs.py"
WINDOW = (1280, 2000)
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


# --------------------------------------------------------------------------- helpers


def _load_docs_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("wxkefu_docs_script", DOCS_SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


docs = _load_docs_module()


def _require_node() -> None:
    missing = [name for name in ("node", "npm") if shutil.which(name) is None]
    if missing:
        pytest.skip(f"{' and '.join(missing)} not on PATH: the docs build needs Node.js + npm")


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    operation_id: str
    summary: str
    tag: str


def _operations(spec: dict[str, Any]) -> list[Operation]:
    ops = []
    for path, item in spec["paths"].items():
        for method in HTTP_METHODS:
            op = item.get(method)
            if op is None:
                continue
            tags = op.get("tags") or []
            ops.append(
                Operation(
                    method=method,
                    path=path,
                    operation_id=op.get("operationId", ""),
                    summary=op.get("summary", ""),
                    tag=tags[0] if tags else "",
                )
            )
    return ops


def _slug(text: str) -> str:
    """Redoc 3's route segment for a tag or an operationId (lower case, dashes)."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _visible_text(markup: str) -> str:
    """Text a reader sees: scripts and styles removed, tags stripped, entities decoded."""
    markup = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", markup)
    text = html.unescape(re.sub(r"<[^>]+>", " ", markup))
    return " ".join(text.split())


def _embedded_definition(page: str) -> dict[str, Any]:
    """The OpenAPI document Redoc embeds in the page (what its scripts render)."""
    marker = "const __redoc_definition = "
    start = page.find(marker)
    assert start >= 0, "the page embeds no __redoc_definition: not a Redoc page?"
    value, _ = json.JSONDecoder().raw_decode(page, start + len(marker))
    assert isinstance(value, dict)
    return value


# ------------------------------------------------------------------ PNG (stdlib only)


def _add_mod256(a: bytes, b: bytes) -> bytes:
    """Bytewise (a + b) mod 256, done on big ints so a whole row costs a few C calls."""
    n = len(a)
    lo = int.from_bytes(b"\x7f" * n, "little")
    hi = int.from_bytes(b"\x80" * n, "little")
    x = int.from_bytes(a, "little")
    y = int.from_bytes(b, "little")
    return (((x & lo) + (y & lo)) ^ ((x ^ y) & hi)).to_bytes(n, "little")


@dataclass(frozen=True)
class Png:
    width: int
    height: int
    channels: int
    rows: list[bytes]

    def pixels(self, x0: int = 0, x1: int | None = None) -> Iterator[bytes]:
        """RGB triples of every row between columns x0 and x1."""
        c = self.channels
        x1 = self.width if x1 is None else x1
        for row in self.rows:
            for i in range(x0 * c, x1 * c, c):
                yield row[i : i + 3]


def decode_png(data: bytes) -> Png:
    """Decode an 8-bit, non-interlaced RGB/RGBA PNG (what Chromium writes)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG file"
    pos, idat, header = 8, [], None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
    assert header is not None, "PNG without IHDR"
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0, f"unsupported PNG {header}"
    bpp = 3 if colour == 2 else 4
    stride = width * bpp
    raw = zlib.decompress(b"".join(idat))
    assert len(raw) == height * (stride + 1), "truncated PNG data"
    prev, rows = bytes(stride), []
    for y in range(height):
        base = y * (stride + 1)
        kind, line = raw[base], raw[base + 1 : base + 1 + stride]
        if kind == 0:
            cur = line
        elif kind == 2:
            cur = _add_mod256(line, prev)
        else:
            out = bytearray(line)
            for i in range(stride):
                left = out[i - bpp] if i >= bpp else 0
                if kind == 1:
                    pred = left
                elif kind == 3:
                    pred = (left + prev[i]) >> 1
                elif kind == 4:
                    up, corner = prev[i], prev[i - bpp] if i >= bpp else 0
                    p = left + up - corner
                    pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                    pred = left if pa <= pb and pa <= pc else (up if pb <= pc else corner)
                else:
                    raise AssertionError(f"bad PNG filter type {kind} in row {y}")
                out[i] = (out[i] + pred) & 0xFF
            cur = bytes(out)
        rows.append(cur)
        prev = cur
    return Png(width, height, bpp, rows)


def _encode_png(width: int, height: int, rows: list[bytes], filters: list[int]) -> bytes:
    """Test-only RGB encoder using the given filter per row (to check the decoder)."""
    bpp, stride = 3, width * 3
    prev, out = bytes(stride), bytearray()
    for row, kind in zip(rows, filters, strict=True):
        enc = bytearray(stride)
        for i in range(stride):
            left = row[i - bpp] if i >= bpp else 0
            up, corner = prev[i], prev[i - bpp] if i >= bpp else 0
            if kind == 0:
                pred = 0
            elif kind == 1:
                pred = left
            elif kind == 2:
                pred = up
            elif kind == 3:
                pred = (left + up) >> 1
            else:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                pred = left if pa <= pb and pa <= pc else (up if pb <= pc else corner)
            enc[i] = (row[i] - pred) & 0xFF
        out += bytes([kind]) + enc
        prev = row

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body)
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(bytes(out)))
        + chunk(b"IEND", b"")
    )


def test_png_decoder_round_trips_every_filter_type() -> None:
    width, height = 37, 10
    rows = [
        bytes(((x * 7 + y * 31) ^ (x * y)) & 0xFF for x in range(width * 3)) for y in range(height)
    ]
    filters = [0, 1, 2, 3, 4, 4, 3, 2, 1, 0]
    png = decode_png(_encode_png(width, height, rows, filters))
    assert (png.width, png.height, png.channels) == (width, height, 3)
    assert png.rows == rows


# ------------------------------------------------------------------- the docs build


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    assert SPEC.is_file(), f"{SPEC} is missing: `make gen` writes the bundled spec"
    loaded = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


@pytest.fixture(scope="module")
def operations(spec: dict[str, Any]) -> list[Operation]:
    ops = _operations(spec)
    assert ops, "the spec has no operations"
    return ops


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Run the real docs build (`make docs`) into a temporary directory."""
    _require_node()
    out = tmp_path_factory.mktemp("site")
    proc = subprocess.run(
        [sys.executable, str(DOCS_SCRIPT), "--spec", str(SPEC), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, f"docs build failed:\n{proc.stdout}\n{proc.stderr}"
    return out


def test_build_writes_page_types_and_spec(site: Path) -> None:
    for name in ("index.html", "wxkefu.d.ts", "wxkefu.yaml"):
        assert (site / name).is_file(), f"{name} missing from the docs output"
    assert (site / "wxkefu.yaml").read_bytes() == SPEC.read_bytes()


def test_page_documents_every_operation(site: Path, operations: list[Operation]) -> None:
    page = (site / "index.html").read_text(encoding="utf-8")
    definition = _embedded_definition(page)
    for op in operations:
        assert op.summary, f"{op.method.upper()} {op.path} has no summary"
        rendered = definition["paths"].get(op.path, {}).get(op.method)
        assert rendered is not None, f"{op.method.upper()} {op.path} missing from the page"
        assert rendered.get("summary") == op.summary
        assert rendered.get("operationId") == op.operation_id
        as_json = json.dumps(op.summary, ensure_ascii=False)[1:-1]
        forms = {op.summary, html.escape(op.summary), as_json, as_json.replace("<", "\\u003c")}
        assert any(f in page for f in forms), f"summary {op.summary!r} not in the HTML"
    # The prerendered markup (readable before any script runs) has the title and every tag.
    text = _visible_text(page)
    assert definition["info"]["title"] in text
    missing = sorted({op.tag for op in operations if op.tag not in text})
    assert not missing, f"tags not in the prerendered page: {missing}"


def test_page_loads_nothing_from_the_network(site: Path) -> None:
    """--inlineBundle: the page must work offline and from a file (no CDN script)."""
    page = (site / "index.html").read_text(encoding="utf-8")
    external = re.findall(r"<(?:script|link)\b[^>]*(?:src|href)=[\"']https?://[^\"']+", page)
    assert not external, f"the page loads remote resources: {external[:3]}"


def test_typescript_types_cover_every_operation(site: Path, operations: list[Operation]) -> None:
    dts = (site / "wxkefu.d.ts").read_text(encoding="utf-8")
    for op in operations:
        assert f'"{op.path}": {{' in dts, f"{op.path} missing from wxkefu.d.ts"
        assert re.search(rf"^\s*{re.escape(op.operation_id)}: {{", dts, re.M), op.operation_id


# --------------------------------------------------------------- redocly.yaml rules

_MINI_SPEC = """
openapi: 3.1.0
info: {title: lint probe, version: "1", description: d, license: {name: MIT, identifier: MIT}}
servers: [{url: "https://example.invalid/cgi-bin"}]
security: [{AccessToken: []}]
tags: [{name: message, description: d}]
paths:
  /kf/sync_msg:
    post:
      tags: [message]
      operationId: syncMsg
      summary: Pull messages
      requestBody:
        content: {application/json: {schema: {$ref: "#/components/schemas/Item"}}}
      responses:
        "200":
          description: ok
          content: {application/json: {schema: {$ref: "#/components/schemas/Resp"}}}
components:
  securitySchemes: {AccessToken: {type: apiKey, in: query, name: access_token}}
  schemas:
    Resp:
      type: object
      properties: {errcode: {type: integer}, msg_list: {type: array}}
      if: {properties: {errcode: {const: 0}}}
      then: {required: [msg_list]}
    Text:
      type: object
      required: [msgtype]
      properties: {msgtype: {const: text}}
    Unknown:
      type: object
      required: [msgtype]
      properties: {msgtype: {type: string, not: {enum: [text]}}}
    Item: {oneOf: [{$ref: "#/components/schemas/Text"}, {$ref: "#/components/schemas/Unknown"}]}
"""


@pytest.fixture(scope="module")
def node_tools() -> None:
    _require_node()
    docs.ensure_node_deps(log=False)


@pytest.mark.usefixtures("node_tools")
def test_lint_config_accepts_the_recommended_modelling(tmp_path: Path) -> None:
    """No 4xx responses and `then.required` are fine under redocly.yaml."""
    good = tmp_path / "good.yaml"
    good.write_text(_MINI_SPEC)
    output = docs.lint(good)
    assert "operation-4xx-response" not in output
    assert "no-required-schema-properties-undefined" not in output


@pytest.mark.usefixtures("node_tools")
def test_lint_config_rejects_overlapping_one_of(tmp_path: Path) -> None:
    """A catch-all that does not exclude the known msgtypes is an error, not a warning."""
    bad = tmp_path / "bad.yaml"
    bad.write_text(_MINI_SPEC.replace("{type: string, not: {enum: [text]}}", "{type: string}"))
    with pytest.raises(docs.DocsError) as info:
        docs.lint(bad)
    assert "no-illogical-composition-keywords" in str(info.value)
    assert "Text" in str(info.value) and "Unknown" in str(info.value)


def test_docs_script_explains_missing_node(tmp_path: Path) -> None:
    env = {**os.environ, "PATH": str(tmp_path)}  # an empty directory: no node, no npm
    proc = subprocess.run(
        [sys.executable, str(DOCS_SCRIPT), "--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 2
    assert "node and npm not found on PATH" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_docs_script_explains_missing_spec(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, str(DOCS_SCRIPT), "--spec", str(tmp_path / "nope.yaml")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 2
    assert "nope.yaml not found" in proc.stderr


# ---------------------------------------------------------------- headless Chromium


@pytest.fixture(scope="module")
def chromium() -> Path:
    return headless.ensure_chromium()


@pytest.fixture(scope="module")
def served_site(site: Path) -> Iterator[str]:
    """The docs output on a 127.0.0.1 http.server, as a team would host it."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/index.html"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def _chromium(
    binary: Path, tmp: Path, *args: str, window: tuple[int, int] = WINDOW
) -> subprocess.CompletedProcess[str]:
    """Headless Chromium as root on this network-less machine (flags from the env docs)."""
    profile = tmp / f"profile-{os.urandom(4).hex()}"
    argv = [
        str(binary),
        *headless.FLAGS,
        f"--user-data-dir={profile}",
        f"--window-size={window[0]},{window[1]}",
        "--virtual-time-budget=8000",
        *args,
    ]
    proc = subprocess.run(argv, capture_output=True, text=True, timeout=180, check=False)
    assert proc.returncode == 0, f"chromium failed ({proc.returncode}):\n{proc.stderr[-2000:]}"
    return proc


#: How long Redoc may take to render a tag section after the page or the route changed.
RENDER_WAIT = 60.0


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with headless.selenium_driver(tmp_path_factory.mktemp("chromium-profile"), WINDOW) as d:
        yield d


def _unrendered(driver: Any, ops: list[Operation]) -> tuple[list[str], list[str]]:
    """Of ``ops``: the routes the page does not link to yet, and the summaries it does not
    show (``innerText``: what a reader sees, hidden elements excluded)."""
    hrefs, text = driver.execute_script(
        "return [Array.from(document.querySelectorAll('a[href^=\"#/\"]'),"
        " a => a.getAttribute('href').slice(2)), document.body.innerText]"
    )
    linked = {href.split("#", 1)[0] for href in hrefs}
    routes = [f"{_slug(op.tag)}/{_slug(op.operation_id)}" for op in ops]
    return (
        [route for route in routes if route not in linked],
        [op.summary for op in ops if op.summary not in text],
    )


def test_rendered_page_links_and_shows_every_operation(
    driver: Any, served_site: str, operations: list[Operation]
) -> None:
    """After Redoc's scripts ran, each tag's route links to each of its operations and shows
    each operation's summary, in a real browser.

    Redoc renders only the sections near the viewport, and a one-shot ``--dump-dom`` raced
    its rendering (no links at all in about one run in two). So each tag is opened by its
    route and the page is polled until that section has rendered, for at most RENDER_WAIT.
    """
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.support.ui import WebDriverWait

    by_tag: dict[str, list[Operation]] = {}
    for op in operations:
        by_tag.setdefault(op.tag, []).append(op)
    driver.get(served_site)
    for tag, ops in sorted(by_tag.items()):
        driver.execute_script("location.hash = arguments[0]", f"#/{_slug(tag)}")
        wait = WebDriverWait(driver, RENDER_WAIT, poll_frequency=0.2)
        try:
            wait.until(lambda d, ops=ops: not any(_unrendered(d, ops)))
        except TimeoutException:
            links, summaries = _unrendered(driver, ops)
            raise AssertionError(
                f"tag {tag!r} (#/{_slug(tag)}) after {RENDER_WAIT:.0f} s: no link for "
                f"{links}; summaries not shown: {summaries}"
            ) from None


def _screenshot_target(operations: list[Operation]) -> Operation:
    for op in operations:
        if op.operation_id == "syncMsg":
            return op
    return operations[0]


@pytest.mark.slow  # a second Chromium run; the quick profile keeps the DOM check
def test_screenshot_renders_the_reference(
    chromium: Path, site: Path, served_site: str, operations: list[Operation], tmp_path: Path
) -> None:
    op = _screenshot_target(operations)
    # Redoc scrolls the window to a deep-linked operation, and a headless screenshot
    # taken after a scroll leaves a blank band. A full-window frame scrolls inside
    # itself instead, so the screenshot shows what a reader sees at that link.
    frame = site / f"screenshot-{os.urandom(4).hex()}.html"
    target = f"index.html#/{_slug(op.tag)}/{_slug(op.operation_id)}"
    frame.write_text(
        "<!doctype html><html><head><meta charset='utf-8'><style>"
        "html,body{margin:0;overflow:hidden}"
        "iframe{border:0;display:block;width:100vw;height:100vh}"
        f"</style></head><body><iframe src='{html.escape(target)}'></iframe></body></html>",
        encoding="utf-8",
    )
    shot = tmp_path / "reference.png"
    url = served_site.rsplit("/", 1)[0] + "/" + frame.name
    _chromium(chromium, tmp_path, f"--screenshot={shot}", url)
    if keep := os.environ.get("WXKEFU_SCREENSHOT"):
        shutil.copyfile(shot, keep)  # for a person to look at
    assert shot.is_file() and shot.stat().st_size > 10_000
    png = decode_png(shot.read_bytes())
    assert (png.width, png.height) == WINDOW

    colours = Counter(png.pixels())
    total = png.width * png.height
    background, count = colours.most_common(1)[0]
    assert len(colours) >= 200, f"only {len(colours)} distinct colours: a blank page?"
    assert count / total < 0.95, f"{count / total:.0%} of the page is {background.hex()}"
    uniform = sum(1 for row in png.rows if row == row[:3] * png.width)
    assert uniform < png.height // 10, f"{uniform} blank rows: part of the page did not paint"

    # Text (dark pixels) in the main column, down the page: the operation's details
    # rendered, not just the header. The sidebar is the left ~20% of the window.
    x0 = png.width // 4
    dark_rows = [
        y
        for y, row in enumerate(png.rows)
        if any(
            sum(row[i : i + 3]) < 3 * 100
            for i in range(x0 * png.channels, len(row), png.channels * 2)
        )
    ]
    assert len(dark_rows) >= png.height // 10, f"only {len(dark_rows)} rows with text"
    assert max(dark_rows) > png.height // 3, "no text below the top third of the page"
