-- Runs after every migration, as the owner role that ran it (spring.flyway.user). The application
-- connects as another role (spring.datasource.username, the placeholder below): it reads and
-- writes its read models, ledgers and tokens, but may only append to the event store, the hash
-- chain and the checkpoints. Deleting or rewriting history takes the owner's credentials, which
-- the running service does not hold; whatever is done with them, the chain and checkpoints show.
grant usage on schema public to ${appRole};
grant select, insert, update, delete, truncate on all tables in schema public to ${appRole};
grant usage, select, update on all sequences in schema public to ${appRole};
revoke update, delete, truncate on domain_event_entry, event_hash_chain, chain_checkpoint, chain_checkpoint_head
    from ${appRole};
