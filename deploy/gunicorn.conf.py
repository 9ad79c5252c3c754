"""gunicorn for Masthead: `gunicorn -c deploy/gunicorn.conf.py masthead.wsgi`.

Every value can be set by environment variable; the app keeps no state on its own disk, so run
as many of these as the load needs, behind Varnish.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
# Pages render in Python: a process per core, plus one to cover a slow request or database wait.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() + 1))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# Import Django once, then fork: faster start and shared memory pages.
preload_app = True
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5  # Varnish reuses its connections to the app
# Recycle a worker now and then so that a slow leak never becomes an outage.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = 500
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
