// chevrotain (via Langium) needs Object.groupBy, which Node 20 lacks; see scripts/polyfills.cjs.
import '../../scripts/polyfills.cjs';

// Date-dependent checks (`qa-review-due`) judge as of one fixed day in every test, so that the
// examples do not start raising findings as the calendar moves (the CLI's child processes inherit it).
process.env['MCRED_TODAY'] ??= '2026-12-01';
