"""A tiny round-robin TCP proxy for the bench topology (bench/stack.py), with
the failover rules of a real deployment's proxy (nginx's
`proxy_next_upstream error timeout` with `max_fails=1 fail_timeout=10s`):

- each connection goes to the next backend in turn;
- a backend that refuses the connection, or does not accept it within
  CONNECT_TIMEOUT seconds (its gunicorn killed), is skipped for the next one
  and marked down for DOWN_SECONDS: no connection is tried on it until then
  (unless every backend is down, when each is tried once more);
- a backend that closes a connection without answering is marked down as
  well (so that the client's own retry goes to another), but a request a
  backend has already received is **never sent again** to another: the
  proxy cannot know whether it was stored (a comment's POST committed, then
  the process died before answering), so the client's connection is closed
  and the client decides (the site's forms are
  idempotent per rendering, so pressing the button again is safe);
- only when no backend takes the connection is the answer a 502.

Bytes pass unchanged (the bench clients send their own X-Forwarded-For, as a
proxy in front would append it). What it decides goes to stderr, one line
each (bench/stack.py keeps it as proxy.log).

Run: `python bench/proxy.py PORT HOST:PORT [HOST:PORT ...]` (127.0.0.1 only).
"""

import asyncio
import itertools
import sys
import time

CONNECT_TIMEOUT = 2.0
DOWN_SECONDS = 10.0


def say(message):
    print(f"{time.strftime('%H:%M:%S')} {message}", file=sys.stderr, flush=True)


async def pipe(reader, writer, seen=None):
    """Copies `reader` to `writer` until either end closes; counts the bytes
    in `seen` (a one-item list), if given."""
    try:
        while data := await reader.read(65536):
            if seen is not None:
                seen[0] += len(data)
            writer.write(data)
            await writer.drain()
    except (ConnectionError, asyncio.IncompleteReadError):
        pass
    finally:
        writer.close()


class Backends:
    """The backends in turn, and until when each is marked down."""

    def __init__(self, addresses):
        self.addresses = addresses
        self.turns = itertools.cycle(range(len(addresses)))
        self.down_until = [0.0] * len(addresses)

    def order(self):
        """Returns the backends to try for one connection: each once, from the
        next in turn, those marked down last."""
        first = next(self.turns)
        ring = [(first + n) % len(self.addresses) for n in range(len(self.addresses))]
        now = time.monotonic()
        return [i for i in ring if self.down_until[i] <= now] + [
            i for i in ring if self.down_until[i] > now
        ]

    def mark_down(self, index, error):
        if self.down_until[index] <= time.monotonic():
            host, port = self.addresses[index]
            say(f"{host}:{port} down for {DOWN_SECONDS:.0f} s: {type(error).__name__}")
        self.down_until[index] = time.monotonic() + DOWN_SECONDS

    async def connect(self):
        """Returns (index, reader, writer) of the first backend that takes the
        connection, or None if none does."""
        for index in self.order():
            host, port = self.addresses[index]
            try:
                reader, writer = await asyncio.wait_for(
                    asyncio.open_connection(host, port), CONNECT_TIMEOUT
                )
            except (TimeoutError, OSError) as error:
                self.mark_down(index, error)
                continue
            self.down_until[index] = 0.0
            return index, reader, writer
        return None


def handler(backends):
    async def handle(client_reader, client_writer):
        connected = await backends.connect()
        if connected is None:
            say("no backend took the connection: 502")
            client_writer.write(b"HTTP/1.0 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")
            client_writer.close()
            return
        index, server_reader, server_writer = connected
        sent, answered = [0], [0]
        await asyncio.gather(
            pipe(client_reader, server_writer, sent), pipe(server_reader, client_writer, answered)
        )
        if sent[0] and not answered[0]:
            # Received, never answered: not sent again (it may have been stored).
            # Marked down too, so that the client's own retry goes elsewhere.
            host, port = backends.addresses[index]
            say(f"{host}:{port} closed a connection without answering ({sent[0]} bytes sent)")
            backends.mark_down(index, ConnectionResetError())

    return handle


async def main(port, addresses):
    backends = Backends(addresses)
    server = await asyncio.start_server(handler(backends), "127.0.0.1", port, backlog=512)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    targets = [tuple(arg.rsplit(":", 1)) for arg in sys.argv[2:]]
    asyncio.run(main(int(sys.argv[1]), [(host, int(port)) for host, port in targets]))
