"""The shop's API: /health, and /api/products read from PostgreSQL with a Redis cache in front."""
import json
import os
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import psycopg2
import redis

CACHE = redis.Redis.from_url(os.environ["REDIS_URL"])


def db():
    with open("/run/secrets/db-password") as f:
        return psycopg2.connect(os.environ["DATABASE_URL"], password=f.read().strip())


def products():
    cached = CACHE.get("products")
    if cached:
        return json.loads(cached)
    with db() as conn, conn.cursor() as cur:
        cur.execute("CREATE TABLE IF NOT EXISTS products (id serial PRIMARY KEY, name text, price_cents int)")
        cur.execute("SELECT id, name, price_cents FROM products ORDER BY id")
        rows = [{"id": r[0], "name": r[1], "price_cents": r[2]} for r in cur.fetchall()]
    CACHE.setex("products", 30, json.dumps(rows))
    return rows


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/health":
            self.reply(200, {"status": "ok"})
        elif self.path == "/api/products":
            self.reply(200, products())
        else:
            self.reply(404, {"error": "not found"})

    def reply(self, code, body):
        data = json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


if __name__ == "__main__":
    ThreadingHTTPServer(("0.0.0.0", 8000), Handler).serve_forever()
