"""The Dask engine: documents go to the workers of a dask.distributed cluster, a batch
at a time; results come back in order to the single writer. Without a scheduler address
a local cluster with one single-threaded worker process per core is started."""
from __future__ import annotations

import os


def load_models() -> bool:
    """Run on every worker once, so the first batch does not pay for the models."""
    from .local import load_models as load_all

    load_all()
    return True


class DaskPool:
    def __init__(self, scheduler: str | None = None, jobs: int | None = None):
        self.scheduler, self.jobs = scheduler, jobs or os.cpu_count() or 1
        self.client = self.cluster = None

    def map(self, function, items: list) -> list:
        if not items:
            return []
        client = self.connect()
        futures = client.map(function, items, pure=False)
        return client.gather(futures)

    def connect(self):
        if self.client is None:
            from distributed import Client, LocalCluster

            if self.scheduler:
                self.client = Client(self.scheduler)
            else:
                self.cluster = LocalCluster(n_workers=self.jobs, threads_per_worker=1,
                                            processes=True, dashboard_address=None)
                self.client = Client(self.cluster)
            self.client.run(load_models)
        return self.client

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        for resource in (self.client, self.cluster):
            if resource is not None:
                resource.close()
