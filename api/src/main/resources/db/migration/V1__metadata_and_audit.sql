-- Datasets and runs with their owners, and the append-only audit trail. Artifacts stay in object storage (or
-- the data folder) and live status in Redis (or the journal): these tables hold what must outlive both.

create table datasets (
    id          text primary key,
    name        text        not null,
    owner       text        not null,
    team        text        not null,
    -- 'api': uploaded through the api; 'legacy': found in the stores when the database was first created;
    -- 'kubernetes': reserved for resources created with kubectl (docs/metadata.md).
    origin      text        not null default 'api',
    created_at  timestamptz not null
);
create index datasets_owner on datasets (owner, created_at desc);
create index datasets_team on datasets (team, created_at desc);

create table runs (
    id          text primary key,
    dataset_id  text        not null references datasets (id) on delete cascade,
    name        text        not null,
    owner       text        not null,
    team        text        not null,
    origin      text        not null default 'api',
    -- The plan as applied (explanation + actions); the prompt that produced it, when there was one.
    plan        jsonb       not null,
    prompt      text,
    created_at  timestamptz not null
);
create index runs_dataset on runs (dataset_id, created_at);

create table audit_events (
    id          bigint generated always as identity primary key,
    at          timestamptz not null default now(),
    actor       text        not null,
    team        text        not null,
    -- sign_in, upload, assistant, apply, download, delete
    action      text        not null,
    -- success, failure, denied
    outcome     text        not null,
    request_id  text        not null,
    dataset_id  text,
    run_id      text,
    -- Facts of the event (file name and size, prompt, provider, model, bytes sent and their SHA-256, artifact
    -- name, HTTP status of a failure); never data values.
    details     jsonb       not null default '{}'::jsonb
);
create index audit_events_at on audit_events (at desc, id desc);
create index audit_events_actor on audit_events (actor, at desc);
create index audit_events_dataset on audit_events (dataset_id, at desc);

-- Append-only, whatever role the api connects as (even the table's owner, whom REVOKE would not stop).
create function audit_events_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_events is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_events_no_update_or_delete
    before update or delete on audit_events
    for each row execute function audit_events_append_only();

create trigger audit_events_no_truncate
    before truncate on audit_events
    for each statement execute function audit_events_append_only();
