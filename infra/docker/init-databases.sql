-- One database per service, owned by the platform's user (see docs/adr/0002).
create database consultations;
create database screening;
create database scheduling;
create database treatment;
create database billing;
create database operations;
