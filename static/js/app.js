/*
 * Every Voice – starts NHS.UK frontend (header menu, skip link, radios, checkboxes,
 * character count, error summary, ...). Loaded with <script type="module">.
 * The import is relative to this file, so it works under any STATIC_URL.
 */
import { initAll } from '../vendor/nhsuk-frontend/nhsuk-frontend.min.js';

initAll();
