-- saved replies (/ticket macros), keyed by the name in lower case
create table macros (
    id  text primary key,
    doc jsonb not null
);
