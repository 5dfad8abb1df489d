"""``caregraph serve``: the store as a local read-only SPARQL 1.1 endpoint with a query page
(:func:`caregraph.query.serve.serving`)."""

# No "from __future__ import annotations": Typer reads these annotations at run time.
from typing import Annotated

import typer

from caregraph.cli.options import StoreOption
from caregraph.cli.output import call, note, safe


def serve(
    port: Annotated[
        int,
        typer.Option("--port", metavar="N", min=0, max=65535, help="The port to listen on (0: any free port)."),
    ] = 7878,
    host: Annotated[
        str,
        typer.Option(
            "--host",
            metavar="ADDRESS",
            help="The address to listen on. Anything but a loopback address (127.0.0.1, localhost, ::1) lets other machines query the store.",
        ),
    ] = "127.0.0.1",
    timeout: Annotated[
        float,
        typer.Option("--timeout", metavar="SECONDS", min=1, help="Stop a query that runs longer than this."),
    ] = 60.0,
    store: StoreOption = None,
) -> None:
    """Serve the store as a local read-only SPARQL 1.1 endpoint, with a query page (YASGUI).

    Prints the page's URL; the endpoint is URL/query (GET or POST, the SPARQL 1.1 Protocol), with the union of all
    graphs as the default graph, as in 'caregraph query'. Updates are refused, and the page fetches nothing from
    other servers. Needs the Oxigraph server: pip install 'caregraph\\[serve]'. While it runs, builds and imports of
    this store wait for it. Ctrl-C stops it.

    [b]Examples[/b]:
      caregraph serve --port 7878
      caregraph query inspection-timeline --param council=Surrey --endpoint http://127.0.0.1:7878/query
    """
    import contextlib
    import signal

    from caregraph.query.serve import serving

    def stop(signum, frame):  # SIGTERM: leave through the with-blocks, so the engine stops and the lock is freed
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    with contextlib.ExitStack() as stack:
        server = call(lambda: stack.enter_context(serving(store, host=host, port=port, timeout=timeout, on_wait=note)))
        typer.echo(safe(server.url))
        note(
            f"SPARQL endpoint {server.endpoint} (read-only; queries stop after {timeout:g} s). Ctrl-C stops the server."
        )
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever()
    note("stopped")
