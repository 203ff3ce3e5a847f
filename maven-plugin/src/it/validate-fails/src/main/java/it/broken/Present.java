package it.broken;

/** A class that is not a plugin; the service file names another one, which does not exist. */
public class Present {
}
