package dev.apigw.runtime.spi;

/**
 * {@link ConnectionRelay#none()}: a single JVM's relay, which delivers nothing, so a connection no
 * gateway of this JVM holds is gone (reference 7.4).
 */
enum NoConnectionRelay implements ConnectionRelay {
    INSTANCE;

    @Override
    public boolean post(String apiId, String stage, String connectionId, byte[] data) {
        return false;
    }

    @Override
    public boolean delete(String apiId, String stage, String connectionId) {
        return false;
    }

    @Override
    public Subscription subscribe(String apiId, String stage, Receiver receiver) {
        return () -> {};
    }
}
