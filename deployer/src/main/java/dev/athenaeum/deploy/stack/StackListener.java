package dev.athenaeum.deploy.stack;

/** Progress of a stack operation, for a wizard's step list or a terminal. Called on the deploying thread. */
public interface StackListener {

    StackListener NONE = new StackListener() {
        @Override
        public void onStep(String step) {
        }

        @Override
        public void onEvent(StackEvent event) {
        }
    };

    /** A step begins, e.g. "creating the change set". */
    void onStep(String step);

    /** CloudFormation reported an event of the stack or one of its resources. */
    void onEvent(StackEvent event);
}
