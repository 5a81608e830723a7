package io.zeekagent.hub.security;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What an API key may do. Roles are cumulative: an operator is also a reader, an admin also an operator.
 *
 * <ul>
 *   <li>{@code reader}: every GET, and the attribution POSTs (they only read)
 *   <li>{@code operator}: manage hosts, groups, subscriptions, one-shot queries, socket-event ingestion
 *   <li>{@code admin}: manage API keys
 * </ul>
 */
public enum Role {
    READER,
    OPERATOR,
    ADMIN;

    /** The name used in JSON and in the documentation. */
    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code reader}, {@code operator} or {@code admin} (any case). */
    @JsonCreator
    public static Role of(String value) {
        for (Role role : values()) {
            if (role.name().equalsIgnoreCase(value.strip())) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + value + "' (reader, operator or admin)");
    }

    /** The Spring Security role name this role checks ({@code hasRole(...)}). */
    String securityRole() {
        return name();
    }

    /** This role's authority and those of every weaker role. */
    List<GrantedAuthority> authorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (Role role : values()) {
            if (role.ordinal() <= ordinal()) {
                authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
            }
        }
        return List.copyOf(authorities);
    }
}
