"""Database triggers keeping the delegates won in a contest within the delegates at stake.

A CHECK constraint cannot read another table, so the invariant that spans
`results_result` and `results_contest` is held by triggers on both, on SQLite and
PostgreSQL. A violation raises an IntegrityError; model validation gives the friendly
message before a form ever gets here.
"""

from django.db import migrations

MESSAGE = "results_delegates_within_stake: delegates won exceed delegates at stake"

SQLITE_FORWARD = [
    f"""
    CREATE TRIGGER results_result_delegates_insert BEFORE INSERT ON results_result
    WHEN NEW.delegates_won IS NOT NULL
     AND (SELECT delegates_at_stake FROM results_contest WHERE id = NEW.contest_id) IS NOT NULL
     AND NEW.delegates_won + COALESCE((SELECT SUM(delegates_won) FROM results_result
                                       WHERE contest_id = NEW.contest_id), 0)
         > (SELECT delegates_at_stake FROM results_contest WHERE id = NEW.contest_id)
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END
    """,
    f"""
    CREATE TRIGGER results_result_delegates_update BEFORE UPDATE ON results_result
    WHEN NEW.delegates_won IS NOT NULL
     AND (SELECT delegates_at_stake FROM results_contest WHERE id = NEW.contest_id) IS NOT NULL
     AND NEW.delegates_won + COALESCE((SELECT SUM(delegates_won) FROM results_result
                                       WHERE contest_id = NEW.contest_id AND id != OLD.id), 0)
         > (SELECT delegates_at_stake FROM results_contest WHERE id = NEW.contest_id)
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END
    """,
    f"""
    CREATE TRIGGER results_contest_delegates_update BEFORE UPDATE ON results_contest
    WHEN NEW.delegates_at_stake IS NOT NULL
     AND COALESCE((SELECT SUM(delegates_won) FROM results_result
                   WHERE contest_id = NEW.id), 0) > NEW.delegates_at_stake
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END
    """,
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS results_result_delegates_insert",
    "DROP TRIGGER IF EXISTS results_result_delegates_update",
    "DROP TRIGGER IF EXISTS results_contest_delegates_update",
]

POSTGRES_FORWARD = [
    f"""
    CREATE FUNCTION results_check_delegates() RETURNS trigger AS $$
    DECLARE
        target_contest bigint;
        at_stake integer;
        awarded integer;
    BEGIN
        IF TG_TABLE_NAME = 'results_contest' THEN
            target_contest := NEW.id;
        ELSE
            target_contest := NEW.contest_id;
        END IF;
        SELECT delegates_at_stake INTO at_stake FROM results_contest WHERE id = target_contest;
        IF at_stake IS NULL THEN
            RETURN NULL;
        END IF;
        SELECT COALESCE(SUM(delegates_won), 0) INTO awarded
          FROM results_result WHERE results_result.contest_id = target_contest;
        IF awarded > at_stake THEN
            RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NULL;
    END;
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE CONSTRAINT TRIGGER results_result_delegates
    AFTER INSERT OR UPDATE OF delegates_won, contest_id ON results_result
    FOR EACH ROW EXECUTE FUNCTION results_check_delegates()
    """,
    """
    CREATE CONSTRAINT TRIGGER results_contest_delegates
    AFTER UPDATE OF delegates_at_stake ON results_contest
    FOR EACH ROW EXECUTE FUNCTION results_check_delegates()
    """,
]
POSTGRES_REVERSE = [
    "DROP TRIGGER IF EXISTS results_result_delegates ON results_result",
    "DROP TRIGGER IF EXISTS results_contest_delegates ON results_contest",
    "DROP FUNCTION IF EXISTS results_check_delegates()",
]

STATEMENTS = {
    "sqlite": (SQLITE_FORWARD, SQLITE_REVERSE),
    "postgresql": (POSTGRES_FORWARD, POSTGRES_REVERSE),
}


def create_triggers(apps, schema_editor):
    forward, _ = STATEMENTS.get(schema_editor.connection.vendor, ([], []))
    for statement in forward:
        schema_editor.execute(statement)


def drop_triggers(apps, schema_editor):
    _, reverse = STATEMENTS.get(schema_editor.connection.vendor, ([], []))
    for statement in reverse:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("results", "0001_initial")]

    operations = [migrations.RunPython(create_triggers, drop_triggers)]
