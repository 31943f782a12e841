"""Shared fixtures.

Neo4j
-----
Tests that need a server use :func:`neo4j_uri` (session) or
:func:`neo4j_store` (a clean, schema-ready store per test) and carry
``@pytest.mark.neo4j``. The server is, in this order:

1. ``$NEO4J_TEST_URI`` (``.ci/run`` sets it after
   ``scripts/neo4j-test-server start``), with ``$NEO4J_USER`` /
   ``$NEO4J_PASSWORD`` (default: the script's test password);
2. else, when ``java`` is installed (and ``mvn``, unless the jars are
   cached), a private server this session starts with
   ``scripts/neo4j-test-server start`` and stops at the end;
3. else the tests are skipped, unless ``KG_REQUIRE_NEO4J=1`` (CI), where
   they fail.

Embedded store
--------------
:func:`ladybug_store`: a fresh :class:`kg.stores.ladybug.LadybugStore` in
``tmp_path``.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NEO4J_SCRIPT = ROOT / "scripts" / "neo4j-test-server"
#: the password scripts/neo4j-test-server sets for user neo4j (unless overridden)
NEO4J_TEST_PASSWORD = os.environ.get("NEO4J_TEST_PASSWORD", "regkg-test-secret")


@dataclass(frozen=True)
class Neo4jServer:
    """Where the test server is: ``uri`` has no credentials in it."""
    uri: str
    user: str
    password: str


def _neo4j_unavailable(reason: str):
    if os.environ.get("KG_REQUIRE_NEO4J") == "1":
        pytest.fail(f"KG_REQUIRE_NEO4J=1 but no Neo4j server: {reason}", pytrace=False)
    pytest.skip(f"no Neo4j server: {reason}")


def _script(cmd: list[str], timeout: float, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(NEO4J_SCRIPT), *cmd], capture_output=True,
                          text=True, timeout=timeout, env=env)


@pytest.fixture(scope="session")
def neo4j_server(tmp_path_factory):
    """A running Neo4j 5 server (see the module docstring for where it comes from).

    Without ``$NEO4J_TEST_URI`` the session starts a private server (its own
    state file, any free port) so that concurrent test runs on one machine
    never clear each other's data; it stops at the end of the session, or
    when this process dies (``--watch-pid``).
    """
    user = os.environ.get("NEO4J_USER", "neo4j")
    password = os.environ.get("NEO4J_PASSWORD", NEO4J_TEST_PASSWORD)
    uri = os.environ.get("NEO4J_TEST_URI")
    env = None
    if not uri:
        if not shutil.which("java"):
            _neo4j_unavailable("NEO4J_TEST_URI is not set and java is not installed to run "
                               "scripts/neo4j-test-server (it also needs mvn once, to fetch "
                               "the server jars)")
        state = tmp_path_factory.mktemp("neo4j") / "server.json"
        env = {**os.environ, "NEO4J_TEST_STATE": str(state), "NEO4J_TEST_PORT": "0",
               "NEO4J_TEST_PASSWORD": password}
        try:
            res = _script(["start", "--watch-pid", str(os.getpid())], 900, env)
        except subprocess.TimeoutExpired:
            _script(["stop"], 60, env)
            _neo4j_unavailable("scripts/neo4j-test-server start timed out")
        if res.returncode != 0:
            _neo4j_unavailable(f"scripts/neo4j-test-server start failed:\n{res.stderr[-2000:]}")
        uri = res.stdout.strip().splitlines()[-1]
    from kg.errors import StoreError
    from kg.stores.neo4j import Neo4jStore
    try:
        Neo4jStore(uri, user=user, password=password).close()
    except StoreError as exc:
        if env:
            _script(["stop"], 60, env)
        _neo4j_unavailable(str(exc))
    yield Neo4jServer(uri, user, password)
    if env:
        _script(["stop"], 60, env)


@pytest.fixture(scope="session")
def neo4j_uri(neo4j_server) -> str:
    """The Bolt URI of the test server (no credentials in it; see :func:`neo4j_auth`)."""
    return neo4j_server.uri


@pytest.fixture(scope="session")
def neo4j_auth(neo4j_server) -> tuple[str, str]:
    """``(user, password)`` of the test server."""
    return neo4j_server.user, neo4j_server.password


@pytest.fixture
def neo4j_env(neo4j_server, monkeypatch):
    """Set ``NEO4J_USER`` / ``NEO4J_PASSWORD`` for code that reads them (e.g. the CLI)."""
    monkeypatch.setenv("NEO4J_USER", neo4j_server.user)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_server.password)
    return neo4j_server


@pytest.fixture
def neo4j_store(neo4j_server):
    """A :class:`~kg.stores.neo4j.Neo4jStore` on an empty database, schema created."""
    from kg.stores.neo4j import Neo4jStore

    store = Neo4jStore(neo4j_server.uri, user=neo4j_server.user, password=neo4j_server.password)
    store.clear()
    store.ensure_schema()
    yield store
    store.close()


@pytest.fixture
def ladybug_store(tmp_path):
    """A fresh embedded :class:`~kg.stores.ladybug.LadybugStore` in ``tmp_path``."""
    from kg.stores.ladybug import LadybugStore

    store = LadybugStore(tmp_path / "kg-test.lbug")
    yield store
    store.close()
