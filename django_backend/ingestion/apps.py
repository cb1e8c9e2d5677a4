from django.apps import AppConfig


class IngestionConfig(AppConfig):
    name = "ingestion"

    def ready(self) -> None:
        from candidates.privacy import resume_links_register
        from ingestion.privacy import IMPORT_ITEMS

        resume_links_register(IMPORT_ITEMS)  # a candidate's erasure exports and unlinks their import items
