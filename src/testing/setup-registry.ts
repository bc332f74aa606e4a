/**
 * Every test file starts with the portal's registry loaded, as the server does, so that the modules' texts are in
 * the catalogs even for a view rendered on its own.
 */
import '../registry.js';
