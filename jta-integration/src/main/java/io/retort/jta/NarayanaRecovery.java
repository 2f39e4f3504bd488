package io.retort.jta;

import com.arjuna.ats.arjuna.recovery.RecoveryManager;
import com.arjuna.ats.arjuna.recovery.RecoveryModule;
import com.arjuna.ats.internal.jta.recovery.arjunacore.XARecoveryModule;
import com.arjuna.ats.jta.recovery.XAResourceRecoveryHelper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.transaction.xa.XAResource;
import org.jboss.tm.XAResourceRecovery;
import org.jboss.tm.XAResourceRecoveryRegistry;
import org.jboss.tm.XAResourceWrapper;

/**
 * Narayana's recovery for the XA data sources of Retort engines: each pool registers its resources, and the recovery
 * manager asks them for transactions left in doubt (prepared, never completed) and completes them from the
 * transaction log. Start it once per application with {@link #start()} (in Java SE; a container starts its own),
 * {@link #stop()} at shutdown. Thread-safe.
 */
public final class NarayanaRecovery {
    private final Map<XAResourceRecovery, XAResourceRecoveryHelper> helpers = new ConcurrentHashMap<>();
    private final XAResourceRecoveryRegistry registry = new Registry();
    private volatile boolean started;

    /** Recovery not yet started. */
    public NarayanaRecovery() {
    }

    /** Starts Narayana's recovery manager, which scans registered resources periodically. */
    public synchronized NarayanaRecovery start() {
        if (!started) {
            RecoveryManager.manager(RecoveryManager.INDIRECT_MANAGEMENT).startRecoveryManagerThread();
            started = true;
        }
        return this;
    }

    /** Runs one recovery scan now (both passes), completing transactions left in doubt. */
    public void scan() {
        RecoveryManager.manager(RecoveryManager.INDIRECT_MANAGEMENT).scan();
    }

    /** Stops the recovery manager. */
    public synchronized void stop() {
        if (started) {
            RecoveryManager.manager().terminate();
            started = false;
        }
    }

    /** How many pools have registered resources for recovery. */
    public int registeredResources() {
        return helpers.size();
    }

    /**
     * The names the registered pools' resources have for recovery, sorted: {@code retort-xa:} and the engine's URL
     * without its password. Asks each pool for its recovery resources, which may open a connection.
     */
    public List<String> resourceNames() {
        List<String> names = new ArrayList<>();
        for (XAResourceRecovery recovery : helpers.keySet()) {
            for (XAResource resource : recovery.getXAResources()) {
                if (resource instanceof XAResourceWrapper) {
                    names.add(((XAResourceWrapper) resource).getJndiName());
                }
                if (resource instanceof AutoCloseable) {
                    try {
                        ((AutoCloseable) resource).close();
                    } catch (Exception e) {
                        // A recovery resource that cannot close its connection leaves nothing else to do.
                    }
                }
            }
        }
        Collections.sort(names);
        return names;
    }

    /** The registry Agroal's Narayana integration adds each XA pool's recovery to. */
    XAResourceRecoveryRegistry registry() {
        return registry;
    }

    private static XARecoveryModule xaModule() {
        for (RecoveryModule module : RecoveryManager.manager(RecoveryManager.INDIRECT_MANAGEMENT).getModules()) {
            if (module instanceof XARecoveryModule) {
                return (XARecoveryModule) module;
            }
        }
        throw new IllegalStateException("Narayana's recovery manager has no XARecoveryModule; check its"
                + " RecoveryEnvironmentBean.recoveryModuleClassNames");
    }

    /** Adapts Agroal's recovery registrations to Narayana's XA recovery module. */
    private final class Registry implements XAResourceRecoveryRegistry {
        @Override
        public void addXAResourceRecovery(XAResourceRecovery recovery) {
            XAResourceRecoveryHelper helper = new XAResourceRecoveryHelper() {
                @Override
                public boolean initialise(String parameter) {
                    return true;
                }

                @Override
                public XAResource[] getXAResources() {
                    return recovery.getXAResources();
                }
            };
            helpers.put(recovery, helper);
            xaModule().addXAResourceRecoveryHelper(helper);
        }

        @Override
        public void removeXAResourceRecovery(XAResourceRecovery recovery) {
            XAResourceRecoveryHelper helper = helpers.remove(recovery);
            if (helper != null) {
                xaModule().removeXAResourceRecoveryHelper(helper);
            }
        }
    }
}
