package dev.vouch.registry.auth.exchange;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;

/** TXT lookups through the JDK's own DNS client (JNDI), with the system's resolvers and short timeouts. */
public final class JndiTxtResolver implements TxtResolver {

    @Override
    public List<String> txt(String domain) throws IOException {
        Hashtable<String, String> env = new Hashtable<>();
        env.put("java.naming.factory.initial", "com.sun.jndi.dns.DnsContextFactory");
        env.put("com.sun.jndi.dns.timeout.initial", "2000");
        env.put("com.sun.jndi.dns.timeout.retries", "2");
        DirContext context = null;
        try {
            context = new InitialDirContext(env);
            Attributes attributes = context.getAttributes(domain, new String[] {"TXT"});
            Attribute txt = attributes.get("TXT");
            List<String> records = new ArrayList<>();
            if (txt != null) {
                NamingEnumeration<?> values = txt.getAll();
                while (values.hasMore()) {
                    records.add(unquote(String.valueOf(values.next())));
                }
            }
            return records;
        } catch (NameNotFoundException e) {
            return List.of();
        } catch (NamingException e) {
            throw new IOException("DNS lookup of " + domain + " failed: " + e.getExplanation(), e);
        } finally {
            if (context != null) {
                try {
                    context.close();
                } catch (NamingException ignored) {
                    // The lookup already answered; a failed close leaks nothing worth reporting.
                }
            }
        }
    }

    // JNDI renders a record of several character strings as "a" "b"; the record is their concatenation.
    private static String unquote(String raw) {
        if (!raw.startsWith("\"")) {
            return raw;
        }
        StringBuilder joined = new StringBuilder();
        for (String part : raw.split("\"\\s*\"")) {
            joined.append(part.replace("\"", ""));
        }
        return joined.toString();
    }
}
