"""`make lab`: JupyterLab on the notebooks, on 127.0.0.1 only, refusing requests without its token."""

import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent
VENV_STAMP = ".venv/.installed"  # the Makefile's install stamp: `-o` keeps make from reinstalling


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status
    except urllib.error.HTTPError as err:
        return err.code
    except OSError:  # not listening yet
        return 0


def _listening_on(port: int) -> set[str]:
    """The local addresses (kernel hex notation) with a socket listening on the port, from /proc/net."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if Path(table).exists():
            for line in Path(table).read_text().splitlines()[1:]:
                local, state = line.split()[1], line.split()[3]
                address, hex_port = local.split(":")
                if int(hex_port, 16) == port and state == "0A":  # 0A: LISTEN
                    found.add(address)
    return found


def _cmdline(proc: Path) -> str:
    """A process's command line as `ps` shows it ("" if it is gone)."""
    try:
        return (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def _in_group(proc: Path, group: int) -> bool:
    """Whether a /proc entry is a process in the given process group."""
    try:
        return os.getpgid(int(proc.name)) == group
    except OSError:
        return False


def _command_lines(group: int) -> list[str]:
    """The command lines of every process in a process group."""
    return [_cmdline(p) for p in Path("/proc").glob("[0-9]*") if _in_group(p, group)]


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads listening sockets from Linux /proc/net")
@pytest.mark.skipif(shutil.which("make") is None or not (PROJECT_ROOT / VENV_STAMP).exists(),
                    reason="needs make and the project environment installed by it (make install)")
def test_make_lab_serves_the_notebooks_locally_behind_a_token(tmp_path):
    port, token = _free_port(), "t0ken-for-the-test"
    corpus = tmp_path / "my corpus"  # a space in the path: the Makefile quotes it
    shutil.copytree(PROJECT_ROOT / "seeds", corpus)
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path), "JUPYTER_CONFIG_DIR": str(tmp_path / "config"),
           "LAB_TOKEN": token}  # from the environment: never on a command line
    lab = subprocess.Popen(
        ["make", "-s", "-o", VENV_STAMP, "lab", f"LAB_PORT={port}", f"CORPUS={corpus}"],
        cwd=PROJECT_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True,  # its own process group, so the server under make stops with it
    )
    base = f"http://127.0.0.1:{port}"
    try:
        assert lab.stdout.readline().strip() == f"JupyterLab: {base}/lab?token={token} (corpus: {corpus})"
        deadline = time.monotonic() + 60
        while _status(f"{base}/api/status?token={token}") != 200:
            assert lab.poll() is None and time.monotonic() < deadline, "JupyterLab did not start"
            time.sleep(0.3)
        assert _status(f"{base}/api/contents") == 403  # no token, no access
        with urllib.request.urlopen(f"{base}/api/contents?token={token}", timeout=5) as response:
            listing = response.read().decode()
        assert '"01-corpus.ipynb"' in listing  # the notebooks folder is the root
        assert _listening_on(port) == {"0100007F"}  # 127.0.0.1 only: not 0.0.0.0, not ::
        commands = _command_lines(lab.pid)
        assert any("jupyter" in c and "lab" in c for c in commands), commands
        assert not any(token in c for c in commands)  # what `ps` shows holds no token
        server = next(p for p in Path("/proc").glob("[0-9]*") if _in_group(p, lab.pid) and "jupyter" in _cmdline(p))
        assert f"ANALYSIS_CORPUS={corpus}".encode() in (server / "environ").read_bytes().split(b"\0")
    finally:
        os.killpg(lab.pid, signal.SIGTERM)
        lab.wait(timeout=30)
