import os

__version__ = "0.1.0"
# Bump when a stage changes what it writes: stored documents of an older version are
# processed again on the next run.
PIPELINE_VERSION = "17"

# Parallelism is one worker process per core; BLAS threads inside each worker would
# fight over the same cores (2 workers ran slower than 1). Set before numpy loads;
# a user's own setting wins.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")
