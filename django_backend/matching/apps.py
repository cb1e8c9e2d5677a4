from django.apps import AppConfig


class MatchingConfig(AppConfig):
    name = "matching"

    def ready(self) -> None:
        from jobs.rediscovery import pool_search_register
        from matching import signals  # noqa: F401  (embeds and re-ranks what candidates and jobs save)
        from matching.pool_search import job_pool_scores

        pool_search_register(job_pool_scores)  # talent rediscovery ranks the pool with the matching score
