-- Registration references (SUM-<year>-<number>) come from a sequence, so simultaneous sign-ups never collide.
CREATE SEQUENCE IF NOT EXISTS registration_number_seq;
