/** Zeek Agent Hub: the application class; every feature lives in a sub-package. */
@NullMarked
package io.zeekagent.hub;

import org.jspecify.annotations.NullMarked;
