global using ReferenceSolutions.Core.LinearAlgebra;
