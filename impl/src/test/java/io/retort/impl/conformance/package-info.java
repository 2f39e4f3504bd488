/** SQLAlchemy's compiler tests ported as facts: see README.md in this folder for spellings and refusals. */
package io.retort.impl.conformance;
