"""Drive Debian's headless Chromium through the DevTools protocol, with nothing but the standard library.

Chromium is started with ``--remote-debugging-pipe``: it reads protocol messages (JSON, each ended by a NUL byte)
from file descriptor 3 and writes replies and events to descriptor 4. No port is opened and no extra package (no
selenium, no websocket client, no browser download) is needed.

    with Browser() as browser:
        page = browser.open("file:///tmp/page.html")
        page.evaluate("document.title")
        page.requests      # every request the page made (Network domain)
        page.errors        # console errors, uncaught exceptions, log errors

Used by the browser tests (``tests/test_viz_browser.py``) and ``bench/viz_bench.py``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--disable-dev-shm-usage",
    "--mute-audio",
    "--hide-scrollbars",
)


class BrowserError(RuntimeError):
    pass


def find_chromium() -> str | None:
    """The Chromium executable: $CHROMIUM, else the first of chromium, google-chrome… on PATH, or None."""
    env = os.environ.get("CHROMIUM")
    if env and shutil.which(env):
        return shutil.which(env)
    for name in CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    return None


class Browser:
    """A headless Chromium, closed (and its profile folder removed) on exit."""

    def __init__(self, executable: str | None = None, *, width: int = 1400, height: int = 900, timeout: float = 60.0):
        self.executable = executable or find_chromium()
        if not self.executable:
            raise BrowserError("Chromium not found (apt-get install chromium, or set $CHROMIUM)")
        self.width, self.height, self.timeout = width, height, timeout
        self.profile = tempfile.mkdtemp(prefix="caregraph-chromium-")
        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()
        # High descriptor numbers, so the dup2 onto 3 and 4 in the child cannot clobber one another.
        import fcntl

        keep = [fcntl.fcntl(fd, fcntl.F_DUPFD, 100) for fd in (to_child_r, from_child_w)]
        for fd in (to_child_r, from_child_w):
            os.close(fd)

        def child_fds() -> None:
            os.dup2(keep[0], 3)
            os.dup2(keep[1], 4)

        args = [
            self.executable,
            *FLAGS,
            "--remote-debugging-pipe",
            f"--user-data-dir={self.profile}",
            f"--window-size={width},{height}",
            "about:blank",
        ]
        self.proc = subprocess.Popen(
            args,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            pass_fds=(3, 4),
            preexec_fn=child_fds,
        )
        for fd in keep:
            os.close(fd)
        self._write = to_child_w
        self._read = from_child_r
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict] = []
        self.version = self.send("Browser.getVersion")

    # -------------------------------------------------------------------------------------- protocol
    def send(
        self, method: str, params: dict | None = None, session: str | None = None, timeout: float | None = None
    ) -> dict:
        self._next_id += 1
        msg_id = self._next_id
        message = {"id": msg_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        data = json.dumps(message).encode("utf-8") + b"\0"
        while data:
            written = os.write(self._write, data)
            data = data[written:]
        deadline = time.monotonic() + (timeout or self.timeout)
        while True:
            reply = self._receive(deadline)
            if reply.get("id") == msg_id:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error'].get('message')}")
                return reply.get("result", {})
            self.events.append(reply)

    def _receive(self, deadline: float) -> dict:
        import select

        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise BrowserError("Chromium did not answer in time")
            ready, _, _ = select.select([self._read], [], [], left)
            if ready:
                chunk = os.read(self._read, 1 << 20)
                if not chunk:
                    err = self.proc.stderr.read().decode("utf-8", "replace")[-800:] if self.proc.stderr else ""
                    raise BrowserError(f"Chromium exited ({self.proc.poll()}): {err}")
                self._buffer += chunk
        raw, _, self._buffer = self._buffer.partition(b"\0")
        return json.loads(raw)

    def pump(self, seconds: float) -> None:
        """Collect events for a while."""
        deadline = time.monotonic() + seconds
        import select

        while time.monotonic() < deadline:
            if b"\0" in self._buffer:
                self.events.append(self._receive(deadline))
                continue
            ready, _, _ = select.select([self._read], [], [], max(0.0, deadline - time.monotonic()))
            if ready:
                chunk = os.read(self._read, 1 << 20)
                if not chunk:
                    return
                self._buffer += chunk

    # -------------------------------------------------------------------------------------- pages
    def open(self, url: str, *, wait_for: str | None = None, timeout: float | None = None) -> Page:
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        page = Page(self, session, target)
        for domain in ("Page", "Runtime", "Network", "Log"):
            self.send(f"{domain}.enable", session=session)
        self.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": self.width, "height": self.height, "deviceScaleFactor": 1, "mobile": False},
            session=session,
        )
        page.navigate(url, wait_for=wait_for, timeout=timeout)
        return page

    def close(self) -> None:
        try:
            if self.proc.poll() is None:
                try:
                    self.send("Browser.close", timeout=5)
                except (BrowserError, OSError):
                    pass
                try:
                    self.proc.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    self.proc.kill()
                    self.proc.wait(timeout=5)
        finally:
            for fd in (self._write, self._read):
                try:
                    os.close(fd)
                except OSError:
                    pass
            if self.proc.stderr:
                self.proc.stderr.close()
            shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Page:
    """A tab of the browser, attached through its own DevTools session."""

    def __init__(self, browser: Browser, session: str, target: str):
        self.browser, self.session, self.target = browser, session, target
        self.url = ""

    def _events(self, method: str | None = None) -> list[dict]:
        return [
            e
            for e in self.browser.events
            if e.get("sessionId") == self.session and (method is None or e.get("method") == method)
        ]

    def send(self, method: str, params: dict | None = None, timeout: float | None = None) -> dict:
        return self.browser.send(method, params, session=self.session, timeout=timeout)

    def navigate(self, url: str, *, wait_for: str | None = None, timeout: float | None = None) -> None:
        self.url = url
        before = len(self._events("Page.loadEventFired"))
        result = self.send("Page.navigate", {"url": url})
        if result.get("errorText"):
            raise BrowserError(f"{url}: {result['errorText']}")
        deadline = time.monotonic() + (timeout or self.browser.timeout)
        while len(self._events("Page.loadEventFired")) <= before:
            if time.monotonic() > deadline:
                raise BrowserError(f"{url}: no load event")
            self.browser.pump(0.05)
        if wait_for:
            self.wait_for(wait_for, timeout=timeout)

    def evaluate(self, expression: str, *, timeout: float | None = None) -> Any:
        result = self.send(
            "Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True}, timeout=timeout
        )
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            raise BrowserError(
                f"{expression[:80]}: {details.get('exception', {}).get('description') or details.get('text')}"
            )
        return result.get("result", {}).get("value")

    def wait_for(self, expression: str, *, timeout: float | None = None, interval: float = 0.05) -> Any:
        deadline = time.monotonic() + (timeout or self.browser.timeout)
        while True:
            value = self.evaluate(expression)
            if value:
                return value
            if time.monotonic() > deadline:
                raise BrowserError(f"timed out waiting for {expression}")
            self.browser.pump(interval)

    # -------------------------------------------------------------------------------------- input
    def mouse(self, kind: str, x: float, y: float, **extra: Any) -> None:
        self.send("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, **extra})

    def hover(self, x: float, y: float) -> None:
        self.mouse("mouseMoved", x, y)

    def click(self, x: float, y: float) -> None:
        self.mouse("mouseMoved", x, y)
        self.mouse("mousePressed", x, y, button="left", clickCount=1)
        self.mouse("mouseReleased", x, y, button="left", clickCount=1)

    def type_text(self, text: str) -> None:
        self.send("Input.insertText", {"text": text})

    def key(self, key: str, code: str | None = None, key_code: int | None = None) -> None:
        extra = {"key": key, "code": code or key, "windowsVirtualKeyCode": key_code or 0}
        self.send("Input.dispatchKeyEvent", {"type": "keyDown", **extra})
        self.send("Input.dispatchKeyEvent", {"type": "keyUp", **extra})

    def screenshot(self, path: str | os.PathLike[str]) -> Path:
        import base64

        data = self.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": False})["data"]
        out = Path(path)
        out.write_bytes(base64.b64decode(data))
        return out

    # -------------------------------------------------------------------------------------- what happened
    @property
    def requests(self) -> list[str]:
        """URLs of every request the page made, but the page itself."""
        urls = [e["params"]["request"]["url"] for e in self._events("Network.requestWillBeSent")]
        return [u for u in urls if u != self.url]

    @property
    def errors(self) -> list[str]:
        """Console errors, uncaught exceptions and browser log errors (a blocked request, a CSP violation)."""
        out = []
        for e in self._events("Runtime.consoleAPICalled"):
            if e["params"].get("type") in ("error", "assert"):
                out.append(
                    "console: "
                    + " ".join(str(a.get("value", a.get("description", ""))) for a in e["params"].get("args", []))
                )
        for e in self._events("Runtime.exceptionThrown"):
            d = e["params"]["exceptionDetails"]
            out.append("exception: " + (d.get("exception", {}).get("description") or d.get("text", "")))
        for e in self._events("Log.entryAdded"):
            entry = e["params"]["entry"]
            if entry.get("level") == "error":
                out.append(f"log ({entry.get('source')}): {entry.get('text')} {entry.get('url', '')}".strip())
        return out
