package dev.athenaeum.deploy.image;

import java.util.Objects;

/** A user name and password for a registry; the password never appears in {@link #toString()}. */
public record RegistryCredentials(String username, String password) {

    public RegistryCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "RegistryCredentials[" + username + ", password hidden]";
    }
}
