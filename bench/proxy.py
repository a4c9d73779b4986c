"""A tiny round-robin TCP proxy for the bench topology (bench/stack.py): each
connection goes to the next backend in turn; a backend that refuses the
connection (its gunicorn killed) is skipped for the next one, as a load
balancer's health check would. Bytes pass unchanged (the bench clients send
their own X-Forwarded-For, as a proxy in front would append it).

Run: `python bench/proxy.py PORT HOST:PORT [HOST:PORT ...]` (127.0.0.1 only).
"""

import asyncio
import itertools
import sys


async def pipe(reader, writer):
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except (ConnectionError, asyncio.IncompleteReadError):
        pass
    finally:
        writer.close()


def handler(backends):
    turns = itertools.cycle(range(len(backends)))

    async def handle(client_reader, client_writer):
        for _ in range(len(backends)):
            host, port = backends[next(turns)]
            try:
                server_reader, server_writer = await asyncio.open_connection(host, port)
                break
            except OSError:
                continue
        else:
            client_writer.write(b"HTTP/1.0 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")
            client_writer.close()
            return
        await asyncio.gather(pipe(client_reader, server_writer), pipe(server_reader, client_writer))

    return handle


async def main(port, backends):
    server = await asyncio.start_server(handler(backends), "127.0.0.1", port, backlog=512)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    targets = [tuple(arg.rsplit(":", 1)) for arg in sys.argv[2:]]
    asyncio.run(main(int(sys.argv[1]), [(host, int(port)) for host, port in targets]))
