# bash completion for nithet(1): the commands, the options, and for the
# options that take one, what they take.
_nithet()
{
	local cur prev words cword
	_init_completion || return

	local commands="build annual review committee school indicators check plan specimen template help"
	local options="-c --config -i --input -o --output --as-of -j --jobs --wait -q --quiet
		-v --verbose --dump-layout --summary --format --all --with-data -h --help -V --version"

	case $prev in
	-c | --config)
		_filedir ini
		return
		;;
	-i | --input | -o | --output)
		_filedir -d
		return
		;;
	--summary)
		_filedir json
		return
		;;
	--format)
		COMPREPLY=($(compgen -W "json csv" -- "$cur"))
		return
		;;
	--as-of | -j | --jobs | --wait)
		return
		;;
	esac

	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$options" -- "$cur"))
		return
	fi

	# the command: the first word that is neither an option nor its value
	local i command=""
	for ((i = 1; i < cword; i++)); do
		case ${words[i]} in
		-c | --config | -i | --input | -o | --output | --as-of | -j | --jobs | --wait | --format | --summary) ((i++)) ;;
		-*) ;;
		*)
			command=${words[i]}
			break
			;;
		esac
	done
	case $command in
	"") COMPREPLY=($(compgen -W "$commands" -- "$cur")) ;;
	help) COMPREPLY=($(compgen -W "$commands" -- "$cur")) ;;
	plan) COMPREPLY=($(compgen -W "explain" -- "$cur")) ;;
	esac
} &&
	complete -F _nithet nithet
