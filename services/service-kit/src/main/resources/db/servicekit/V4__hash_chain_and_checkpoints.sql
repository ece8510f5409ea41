-- Tamper evidence for every service's chained streams (ADR 0007): one link per stored event,
-- written in the appending transaction. link_hash = sha256(previous link_hash || the event as stored).
create table event_hash_chain (
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    event_identifier     varchar(255) not null unique,
    link_hash            char(64)     not null,
    aggregate_type       varchar(255) not null,
    primary key (aggregate_identifier, sequence_number)
);

-- Signed anchors of the chains' heads. Each checkpoint records the head link and event count of
-- every stream changed since the previous one and is signed (HMAC-SHA256) with a key held outside
-- the database; it also signs over the previous checkpoint's signature, so checkpoints form a chain.
create table chain_checkpoint (
    checkpoint_no      bigint       primary key,
    written_at         timestamptz  not null,
    streams            integer      not null,
    previous_signature char(64),
    signature          char(64)     not null,
    key_id             varchar(64)  not null
);

create table chain_checkpoint_head (
    checkpoint_no        bigint       not null references chain_checkpoint (checkpoint_no),
    aggregate_identifier varchar(255) not null,
    aggregate_type       varchar(255) not null,
    event_count          bigint       not null,
    head_link            char(64)     not null,
    primary key (checkpoint_no, aggregate_identifier)
);
create index chain_checkpoint_head_stream on chain_checkpoint_head (aggregate_identifier, checkpoint_no desc);
