package io.github.dynamologging.runtime;

/** A change was refused because of who asked (not what); nothing was changed. */
public class ChangeNotAllowedException extends RuntimeException {

	ChangeNotAllowedException(String message) {
		super(message);
	}

}
