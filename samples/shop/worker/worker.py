"""The shop's worker: takes orders from a Redis list and records them in PostgreSQL."""
import argparse
import json
import os

import psycopg2
import redis


def main():
    args = argparse.ArgumentParser()
    args.add_argument("--queue", default="orders")
    queue = args.parse_args().queue
    cache = redis.Redis.from_url(os.environ["REDIS_URL"])
    with open("/run/secrets/db-password") as f:
        conn = psycopg2.connect(os.environ["DATABASE_URL"], password=f.read().strip())
    with conn, conn.cursor() as cur:
        cur.execute("CREATE TABLE IF NOT EXISTS orders (id serial PRIMARY KEY, body jsonb)")
    while True:
        _, raw = cache.blpop(queue)
        with conn, conn.cursor() as cur:
            cur.execute("INSERT INTO orders (body) VALUES (%s)", (json.dumps(json.loads(raw)),))


if __name__ == "__main__":
    main()
