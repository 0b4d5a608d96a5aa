"""gunicorn settings for the desk in production: `gunicorn -c deploy/gunicorn.conf.py newsroom.wsgi`.

Sized for the machine kind the desk is measured on (2 cores): one process per core, each
with a few threads. Threads, not sync workers, because a page spends most of its time
waiting on the database, and because a long response (the CSV export streams every
filtered claim) then holds one thread instead of a whole worker, and is not cut by the
worker timeout, which in a threaded worker watches the process, not each request.
Every value can be overridden from the environment, as the settings are.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
worker_class = "gthread"
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count()))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# A worker that stops answering its arbiter this long is restarted.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then, so a slow leak never becomes an outage.
max_requests = 2000
max_requests_jitter = 200
accesslog = "-"
errorlog = "-"
# The TLS proxy in front (see BEHIND_TLS_PROXY) is on this machine.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
