"""The skill index (matching_skillposting), kept in step with candidates by PostgreSQL itself."""

import django.db.models.deletion
from django.db import migrations, models

# A candidate's postings: one per listed skill, with the evidence strength from its match features (0 when it
# has none) and the skill's full-text rank in the resume.
FORWARD = """
ALTER TABLE matching_skillposting ADD CONSTRAINT matching_skillposting_candidate_fk
    FOREIGN KEY (candidate_id) REFERENCES candidates_candidate (id) ON DELETE CASCADE;

-- Row triggers: every writer (the ORM, COPY, raw SQL) keeps the index right.
CREATE FUNCTION matching_skill_postings_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        DELETE FROM matching_skillposting WHERE candidate_id = NEW.id;
    END IF;
    INSERT INTO matching_skillposting (candidate_id, organization_id, skill, strength, text_rank)
    SELECT NEW.id, NEW.organization_id, skill,
           COALESCE((NEW.match_features -> 'skills' -> skill ->> 'strength')::float8, 0),
           ts_rank_cd(NEW.search_vector, phraseto_tsquery('english', skill))
    FROM (SELECT DISTINCT unnest(NEW.skills) AS skill) AS listed
    WHERE skill <> '';
    RETURN NULL;
END $$;

CREATE TRIGGER candidate_skill_postings_insert AFTER INSERT ON candidates_candidate
    FOR EACH ROW EXECUTE FUNCTION matching_skill_postings_write();
CREATE TRIGGER candidate_skill_postings_update AFTER UPDATE ON candidates_candidate
    FOR EACH ROW WHEN (
        OLD.skills IS DISTINCT FROM NEW.skills
        OR OLD.match_features IS DISTINCT FROM NEW.match_features
        OR OLD.search_vector IS DISTINCT FROM NEW.search_vector
        OR OLD.organization_id IS DISTINCT FROM NEW.organization_id
    ) EXECUTE FUNCTION matching_skill_postings_write();

INSERT INTO matching_skillposting (candidate_id, organization_id, skill, strength, text_rank)
SELECT c.id, c.organization_id, listed.skill,
       COALESCE((c.match_features -> 'skills' -> listed.skill ->> 'strength')::float8, 0),
       ts_rank_cd(c.search_vector, phraseto_tsquery('english', listed.skill))
FROM candidates_candidate c CROSS JOIN LATERAL (SELECT DISTINCT unnest(c.skills) AS skill) AS listed
WHERE listed.skill <> '';
"""

BACKWARD = """
DROP TRIGGER IF EXISTS candidate_skill_postings_update ON candidates_candidate;
DROP TRIGGER IF EXISTS candidate_skill_postings_insert ON candidates_candidate;
DROP FUNCTION IF EXISTS matching_skill_postings_write();
"""


class Migration(migrations.Migration):
    dependencies = [
        ("candidates", "0003_candidate_match_features_candidate_search_vector_and_more"),
        ("matching", "0002_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="SkillPosting",
            fields=[
                (
                    "pk",
                    models.CompositePrimaryKey(
                        "candidate_id", "skill", blank=True, editable=False, primary_key=True, serialize=False
                    ),
                ),
                ("organization_id", models.BigIntegerField()),
                ("skill", models.CharField(max_length=100)),
                ("strength", models.FloatField()),
                ("text_rank", models.FloatField()),
                (
                    "candidate",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="candidates.candidate",
                    ),
                ),
            ],
            options={
                "indexes": [
                    models.Index(
                        fields=["organization_id", "skill", "-strength", "-text_rank", "candidate"],
                        name="skill_posting_best_first",
                    )
                ],
            },
        ),
        migrations.RunSQL(FORWARD, BACKWARD),
    ]
