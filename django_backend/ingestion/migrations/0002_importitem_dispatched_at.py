from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("ingestion", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="importitem",
            name="dispatched_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        # Items pending before this field existed had their parse queued with the expansion already.
        migrations.RunSQL(
            "UPDATE ingestion_importitem SET dispatched_at = updated_at WHERE status = 'pending'",
            reverse_sql=migrations.RunSQL.noop,
        ),
        migrations.AddIndex(
            model_name="importitem",
            index=models.Index(fields=["status", "dispatched_at"], name="importitem_status_dispatched"),
        ),
    ]
