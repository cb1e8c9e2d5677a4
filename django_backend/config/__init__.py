import os

from config.celery import app as celery_app

# Every Django process (web, workers, manage.py) may load the embedding model, which is on disk: a model hub
# lookup would be a bug. Set here, before anything imports huggingface_hub, which reads it once.
os.environ["HF_HUB_OFFLINE"] = "1"

__all__ = ("celery_app",)
