/**
 * Environment of the end-to-end suites, set before any module reads it. Each suite gets its own
 * database (see test-database.ts); TEST_DATABASE_URL names the server and an account that may
 * create databases called branch_ra_*.
 */
process.env.NODE_ENV = 'test';
process.env.JWT_SECRET ??= 'e2e-only-secret-e2e-only-secret-e2e-only';
process.env.LOG_LEVEL ??= 'error';
process.env.TEST_DATABASE_URL ??= 'mariadb://branch_ra:branch_ra@127.0.0.1:3306';
process.env.SCHEMA_FILE ??= `${process.env.TMPDIR ?? '/tmp'}/branch-ra-e2e-schema-${process.pid}.graphql`;
process.env.ADMIN_DIST_DIR ??= 'dist/admin';
process.env.SIGN_IN_RATE_PER_MINUTE ??= '1000';
process.env.CA_DIR ??= `${process.env.TMPDIR ?? '/tmp'}/branch-ra-e2e-no-ca-${process.pid}`;
