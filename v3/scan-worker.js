"use strict";var lt=Object.create;var M=Object.defineProperty;var st=Object.getOwnPropertyDescriptor;var at=Object.getOwnPropertyNames;var rt=Object.getPrototypeOf,ct=Object.prototype.hasOwnProperty;var z=(t,e,o,l)=>{if(e&&typeof e=="object"||typeof e=="function")for(let r of at(e))!ct.call(t,r)&&r!==o&&M(t,r,{get:()=>e[r],enumerable:!(l=st(e,r))||l.enumerable});return t};var ut=(t,e,o)=>(o=t!=null?lt(rt(t)):{},z(e||!t||!t.__esModule?M(o,"default",{value:t,enumerable:!0}):o,t)),dt=t=>z(M({},"__esModule",{value:!0}),t);var Ct={};module.exports=dt(Ct);var it=ut(require("node:fs")),w=require("node:worker_threads");var E={i32:127,v128:123},$t={unreachable:[0],return:[15],else:[5],drop:[26],select:[27],"i32.eqz":[69],"i32.eq":[70],"i32.ne":[71],"i32.lt_s":[72],"i32.lt_u":[73],"i32.gt_s":[74],"i32.gt_u":[75],"i32.le_s":[76],"i32.le_u":[77],"i32.ge_s":[78],"i32.ge_u":[79],"i32.clz":[103],"i32.ctz":[104],"i32.popcnt":[105],"i32.add":[106],"i32.sub":[107],"i32.mul":[108],"i32.and":[113],"i32.or":[114],"i32.xor":[115],"i32.shl":[116],"i32.shr_s":[117],"i32.shr_u":[118],"i8x16.splat":[253,15],"i8x16.eq":[253,35],"v128.and":[253,78],"v128.or":[253,80],"i8x16.bitmask":[253,100]},ft={"i32.load":[[40],2],"i32.load8_u":[[45],0],"i32.store":[[54],2],"i32.store8":[[58],0],"v128.load":[[253,0],4]};function b(t,e){do{let o=e&127;e>>>=7,e!==0&&(o|=128),t.push(o)}while(e!==0)}function gt(t,e){for(;;){let o=e&127;if(e>>=7,e===0&&(o&64)===0||e===-1&&(o&64)!==0){t.push(o);return}t.push(o|128)}}function O(t,e){b(t,e.length);for(let o=0;o<e.length;o++)t.push(e.charCodeAt(o))}function x(t,e,o){t.push(e),b(t,o.length);for(let l of o)t.push(l)}function P(t,e){if(t.length===3&&t[0]==="'"&&t[2]==="'")return t.charCodeAt(1);let o=Number(t);if(!Number.isInteger(o))throw new Error(`${e}: bad constant ${t}`);return o|0}function bt(t,e,o){let l=new Map;for(let[s]of e.params)l.set("$"+s,l.size);for(let[s]of e.locals)l.set("$"+s,l.size);let r=(s,c,u)=>{let f=s.get(c);if(f===void 0)throw new Error(`${e.name}: unknown ${u} ${c}`);return f},n=[];b(n,e.locals.length);for(let[,s]of e.locals)n.push(1,E[s]);let a=[],i=e.body.replace(/;;[^\n]*/g,"").split(/\s+/).filter(Boolean);for(let s=0;s<i.length;s++){let c=i[s],u=()=>{if(s+1>=i.length)throw new Error(`${e.name}: ${c} needs an operand`);return i[++s]},f=$t[c],d=ft[c];if(f)for(let $ of f)n.push($);else if(c==="local.get"||c==="local.set"||c==="local.tee")n.push(c==="local.get"?32:c==="local.set"?33:34),b(n,r(l,u(),"local"));else if(c==="i32.const")n.push(65),gt(n,P(u(),e.name));else if(d){for(let g of d[0])n.push(g);let $=i[s+1]?.startsWith("offset=")?P(u().slice(7),e.name):0;b(n,d[1]),b(n,$)}else if(c==="block"||c==="loop"||c==="if")n.push(c==="block"?2:c==="loop"?3:4,64),a.push(i[s+1]?.startsWith("$")?u():"");else if(c==="end")n.push(11),a.pop();else if(c==="br"||c==="br_if"){let $=u(),g=a.lastIndexOf($);if(g<0)throw new Error(`${e.name}: unknown label ${$}`);n.push(c==="br"?12:13),b(n,a.length-1-g)}else if(c==="call")n.push(16),b(n,r(o,u(),"function"));else throw new Error(`${e.name}: unknown instruction ${c}`)}if(a.length)throw new Error(`${e.name}: ${a.length} block(s) not closed`);n.push(11),b(t,n.length);for(let s of n)t.push(s)}function U(t,e){let o=d=>d.params.map(([,$])=>$).join()+"->"+(d.result??""),l=[...new Set(t.map(o))],r=new Map(t.map((d,$)=>["$"+d.name,$])),n=[0,97,115,109,1,0,0,0],a=[];b(a,l.length);for(let d of l){let $=t.find(g=>o(g)===d);a.push(96),b(a,$.params.length);for(let[,g]of $.params)a.push(E[g]);$.result?a.push(1,E[$.result]):a.push(0)}x(n,1,a);let i=[1];O(i,"env"),O(i,"mem"),i.push(2,0),b(i,e),x(n,2,i);let s=[];b(s,t.length);for(let d of t)b(s,l.indexOf(o(d)));x(n,3,s);let c=t.filter(d=>d.export),u=[];b(u,c.length);for(let d of c)O(u,d.name),u.push(0),b(u,t.indexOf(d));x(n,7,u);let f=[];b(f,t.length);for(let d of t)bt(f,d,r);return x(n,10,f),Uint8Array.from(n)}var m=1,v=2,S=4,_=8,F=16,N=32,J=64;function y(){let t=new Uint8Array(256);for(let e=0;e<256;e++){let o=e>=65&&e<=90,l=e>=97&&e<=122,r=e>=48&&e<=57,n=o||l||r;t[e]=(n||e===95?m:0)|(n||e===46||e===45?v:0)|(n||e===95||e===46||e===47||e===45?S:0)|(o?_:0)|(l?F:0)|(r?N:0)|(n||e===95||e===45?J:0)}return t}function mt(t,e,o,l){return(Math.imul(t,2654435761)^Math.imul(e,2246822507)^Math.imul(o,3266489909)^Math.imul(l,668265263))>>>7}var q=4,D=4096;function pt(t){let e=16;for(;e<t.length*4;)e<<=1;let o=512,l=o+e*4,r=l+t.length*8,n=t.reduce((c,[u])=>c+u.length,0),a=r+n+15&-16,i=t.map(([c])=>c.length),s=a+D*q*4+65535&-65536;return{state:256,literals:272,slots:o,mask:e-1,tokInfo:l,tokBytes:r,out:a,outCap:D,minLen:Math.min(...i),maxLen:Math.max(...i),input:s}}function ht(t,e,o){t.set(y(),0),t.set(Buffer.from("gateway.do","latin1"),o.literals),t.set(Buffer.from("rest.htm","latin1"),o.literals+16);let l=new DataView(t.buffer,t.byteOffset),r=o.tokBytes;e.forEach(([n],a)=>{let i=Buffer.from(n,"latin1");t.set(i,r),l.setInt32(o.tokInfo+a*8,r,!0),l.setInt32(o.tokInfo+a*8+4,i.length,!0),r+=i.length;let s=mt(i.length,i[0],i[i.length>>1],i[i.length-1])&o.mask;for(;l.getInt32(o.slots+s*4,!0)!==0;)s=s+1&o.mask;l.setInt32(o.slots+s*4,a+1,!0)})}var K=t=>String(t),p=t=>t.split("").reduce((e,o,l)=>e|o.charCodeAt(0)<<8*l,0);function xt(t){let e={name:"eq",params:[["p","i32"],["q","i32"],["n","i32"]],result:"i32",locals:[],body:`
      block $differ
        loop $next
          local.get $n  i32.eqz
          if  i32.const 1  return  end
          local.get $p  i32.load8_u  local.get $q  i32.load8_u  i32.ne  br_if $differ
          local.get $p  i32.const 1  i32.add  local.set $p
          local.get $q  i32.const 1  i32.add  local.set $q
          local.get $n  i32.const 1  i32.sub  local.set $n
          br $next
        end
      end
      i32.const 0`},o={name:"lookup",params:[["s","i32"],["e","i32"]],result:"i32",locals:[["len","i32"],["slot","i32"],["id","i32"]],body:`
      local.get $e  local.get $s  i32.sub  local.tee $len
      i32.const ${t.minLen}  i32.lt_u
      local.get $len  i32.const ${t.maxLen}  i32.gt_u
      i32.or
      if  i32.const -1  return  end
      local.get $len  i32.const -1640531535  i32.mul
      local.get $s  i32.load8_u  i32.const -2048144789  i32.mul  i32.xor
      local.get $s  local.get $len  i32.const 1  i32.shr_u  i32.add  i32.load8_u  i32.const -1028477387  i32.mul  i32.xor
      local.get $e  i32.const 1  i32.sub  i32.load8_u  i32.const 668265263  i32.mul  i32.xor
      i32.const 7  i32.shr_u  i32.const ${t.mask}  i32.and  local.set $slot
      loop $probe
        local.get $slot  i32.const 2  i32.shl  i32.load offset=${t.slots}  local.tee $id
        i32.eqz
        if  i32.const -1  return  end
        local.get $id  i32.const 1  i32.sub  local.set $id
        local.get $id  i32.const 3  i32.shl  i32.load offset=${t.tokInfo+4}  local.get $len  i32.eq
        if
          local.get $id  i32.const 3  i32.shl  i32.load offset=${t.tokInfo}  local.get $s  local.get $len  call $eq
          if  local.get $id  return  end
        end
        local.get $slot  i32.const 1  i32.add  i32.const ${t.mask}  i32.and  local.set $slot
        br $probe
      end
      unreachable`},l={name:"gatewayEnd",params:[["slash","i32"],["cut","i32"]],result:"i32",locals:[["limit","i32"],["p","i32"],["q","i32"],["r","i32"],["c","i32"]],body:`
      local.get $slash  i32.const 300  i32.add  local.tee $limit
      local.get $cut  local.get $limit  local.get $cut  i32.lt_u  select  local.set $limit
      local.get $slash  local.set $p
      block $host_end
        loop $host
          local.get $p  local.get $limit  i32.ge_u  br_if $host_end
          local.get $p  i32.load8_u  i32.load8_u  i32.const ${v}  i32.and  i32.eqz  br_if $host_end
          local.get $p  i32.const 1  i32.add  local.set $p
          br $host
        end
      end
      local.get $p  local.get $slash  i32.eq
      if  i32.const -1  return  end
      local.get $p  local.get $limit  i32.lt_u
      if
        local.get $p  i32.load8_u  i32.const ${K(58)}  i32.eq
        if
          local.get $p  i32.const 1  i32.add  local.set $q
          block $port_end
            loop $port
              local.get $q  local.get $limit  i32.ge_u  br_if $port_end
              local.get $q  i32.load8_u  i32.load8_u  i32.const ${N}  i32.and  i32.eqz  br_if $port_end
              local.get $q  i32.const 1  i32.add  local.set $q
              br $port
            end
          end
          local.get $q  local.get $p  i32.const 1  i32.add  i32.eq
          if  i32.const -1  return  end
          local.get $q  local.set $p
        end
      end
      local.get $p  local.get $limit  i32.ge_u
      if  i32.const -1  return  end
      local.get $p  i32.load8_u  i32.const '/'  i32.ne
      if  i32.const -1  return  end
      local.get $p  i32.const 1  i32.add  local.set $r
      block $path_end
        loop $path
          local.get $r  local.get $limit  i32.ge_u  br_if $path_end
          local.get $r  i32.load8_u  i32.load8_u  i32.const ${S}  i32.and  i32.eqz  br_if $path_end
          local.get $r  i32.const 1  i32.add  local.set $r
          br $path
        end
      end
      local.get $p  i32.const 1  i32.add  local.set $q
      loop $find
        local.get $q  local.get $r  i32.ge_u
        if  i32.const -1  return  end
        local.get $q  i32.load8_u  local.tee $c  i32.const 'g'  i32.eq
        if
          local.get $q  i32.const 10  i32.add  local.get $r  i32.le_u
          if
            local.get $q  i32.const ${t.literals}  i32.const 10  call $eq
            if  local.get $q  i32.const 10  i32.add  return  end
          end
        end
        local.get $c  i32.const 'r'  i32.eq
        if
          local.get $q  i32.const 8  i32.add  local.get $r  i32.le_u
          if
            local.get $q  i32.const ${t.literals+16}  i32.const 8  call $eq
            if  local.get $q  i32.const 8  i32.add  return  end
          end
        end
        local.get $q  i32.const 1  i32.add  local.set $q
        br $find
      end
      unreachable`};return[{name:"scan",export:!0,params:[["base","i32"],["blk","i32"],["cut","i32"]],result:"i32",locals:[["pos","i32"],["nl","i32"],["out","i32"],["nlm","i32"],["tm","i32"],["bit","i32"],["t","i32"],["i","i32"],["c","i32"],["start","i32"],["end","i32"],["id","i32"],["keep","i32"],["lower","i32"],["v","v128"],["vnl","v128"],["vus","v128"],["vdot","v128"],["vcolon","v128"]],body:`
      i32.const 0  i32.load offset=${t.state}  local.set $pos
      i32.const 0  i32.load offset=${t.state+4}  local.set $nl
      i32.const 0  i32.load offset=${t.state+8}  local.set $out
      i32.const 10  i8x16.splat  local.set $vnl
      i32.const '_'  i8x16.splat  local.set $vus
      i32.const '.'  i8x16.splat  local.set $vdot
      i32.const ${K(58)}  i8x16.splat  local.set $vcolon
      block $stop
        loop $blocks
          local.get $blk  local.get $cut  i32.ge_u  br_if $stop
          local.get $out  i32.const ${t.outCap-16}  i32.gt_u  br_if $stop
          local.get $blk  v128.load  local.tee $v  local.get $vnl  i8x16.eq  i8x16.bitmask  local.set $nlm
          local.get $v  local.get $vus  i8x16.eq
          local.get $v  local.get $vdot  i8x16.eq  v128.or
          local.get $v  local.get $vcolon  i8x16.eq  v128.or
          i8x16.bitmask  local.set $tm
          ;; bytes at or past the cut do not count
          local.get $cut  local.get $blk  i32.sub  local.tee $keep  i32.const 16  i32.lt_u
          if
            i32.const 1  local.get $keep  i32.shl  i32.const 1  i32.sub  local.set $keep
            local.get $nlm  local.get $keep  i32.and  local.set $nlm
            local.get $tm  local.get $keep  i32.and  local.set $tm
          end
          block $triggers_done
            loop $triggers
              local.get $tm  i32.eqz  br_if $triggers_done
              local.get $blk  local.get $tm  i32.ctz  local.tee $bit  i32.add  local.set $t
              local.get $tm  local.get $tm  i32.const 1  i32.sub  i32.and  local.set $tm
              local.get $t  i32.load8_u  local.set $c
              i32.const 0  local.set $lower
              block $word
                local.get $c  i32.const '_'  i32.eq
                if
                  ;; [A-Z]_[A-Z] starting at i = t - 1
                  local.get $t  i32.const 1  i32.sub  local.tee $i  local.get $pos  i32.lt_u  br_if $triggers
                  local.get $t  i32.const 1  i32.add  local.get $cut  i32.ge_u  br_if $triggers
                  local.get $i  i32.load8_u  i32.load8_u  i32.const ${_}  i32.and  i32.eqz  br_if $triggers
                  local.get $t  i32.load8_u offset=1  i32.load8_u  i32.const ${_}  i32.and  i32.eqz  br_if $triggers
                  br $word
                end
                local.get $c  i32.const '.'  i32.eq
                if
                  ;; isv. isp. aop. then [a-z], starting at i = t - 3
                  local.get $t  i32.const 3  i32.sub  local.tee $i  local.get $pos  i32.lt_u  br_if $triggers
                  local.get $t  i32.const 1  i32.add  local.get $cut  i32.ge_u  br_if $triggers
                  local.get $t  i32.load8_u offset=1  i32.load8_u  i32.const ${F}  i32.and  i32.eqz  br_if $triggers
                  local.get $i  i32.load  i32.const 0xffffff  i32.and  local.tee $c
                  i32.const ${p("isv")}  i32.eq
                  local.get $c  i32.const ${p("isp")}  i32.eq  i32.or
                  local.get $c  i32.const ${p("aop")}  i32.eq  i32.or
                  i32.eqz  br_if $triggers
                  i32.const 1  local.set $lower
                  br $word
                end
                ;; ':' of http:// or https://
                local.get $t  i32.const 2  i32.add  local.get $cut  i32.ge_u  br_if $triggers
                local.get $t  i32.load8_u offset=1  i32.const '/'  i32.ne  br_if $triggers
                local.get $t  i32.load8_u offset=2  i32.const '/'  i32.ne  br_if $triggers
                block $scheme
                  local.get $t  i32.const 5  i32.sub  local.tee $i  local.get $pos  i32.ge_u
                  if
                    local.get $i  i32.load  i32.const ${p("http")}  i32.eq
                    local.get $t  i32.const 1  i32.sub  i32.load8_u  i32.const 's'  i32.eq
                    i32.and  br_if $scheme
                  end
                  local.get $t  i32.const 4  i32.sub  local.tee $i  local.get $pos  i32.lt_u  br_if $triggers
                  local.get $i  i32.load  i32.const ${p("http")}  i32.ne  br_if $triggers
                end
                local.get $t  i32.const 3  i32.add  local.tee $pos  local.get $cut  call $gatewayEnd  local.tee $end
                i32.const 0  i32.lt_s  br_if $triggers
                local.get $end  local.set $pos
                i32.const -1  local.set $id
                local.get $i  local.set $start
                ;; emit below
                local.get $out  i32.const 4  i32.shl  local.tee $c  local.get $id  i32.store offset=${t.out}
                local.get $c  local.get $start  i32.store offset=${t.out+4}
                local.get $c  local.get $end  i32.store offset=${t.out+8}
                local.get $c  local.get $nl  local.get $nlm  i32.const 1  local.get $bit  i32.shl  i32.const 1  i32.sub  i32.and  i32.popcnt  i32.add
                i32.store offset=${t.out+12}
                local.get $out  i32.const 1  i32.add  local.set $out
                br $triggers
              end
              ;; A code, status or sub-code candidate at i: widen it to its whole identifier.
              local.get $i  local.set $start
              block $back_end
                loop $back
                  local.get $start  local.get $base  i32.le_u  br_if $back_end
                  local.get $start  i32.const 1  i32.sub  i32.load8_u  i32.load8_u  i32.const ${m}  i32.and  i32.eqz  br_if $back_end
                  local.get $start  i32.const 1  i32.sub  local.set $start
                  br $back
                end
              end
              local.get $lower
              if
                ;; sub-codes also take '-', but do not end with it
                local.get $i  i32.const 4  i32.add  local.set $end
                block $fwd_end
                  loop $fwd
                    local.get $end  local.get $cut  i32.ge_u  br_if $fwd_end
                    local.get $end  i32.load8_u  i32.load8_u  i32.const ${J}  i32.and  i32.eqz  br_if $fwd_end
                    local.get $end  i32.const 1  i32.add  local.set $end
                    br $fwd
                  end
                end
                block $trim_end
                  loop $trim
                    local.get $end  i32.const 1  i32.sub  i32.load8_u  i32.const '-'  i32.ne  br_if $trim_end
                    local.get $end  i32.const 1  i32.sub  local.set $end
                    br $trim
                  end
                end
              else
                local.get $i  i32.const 2  i32.add  local.set $end
                block $fwd_end
                  loop $fwd
                    local.get $end  local.get $cut  i32.ge_u  br_if $fwd_end
                    local.get $end  i32.load8_u  i32.load8_u  i32.const ${m}  i32.and  i32.eqz  br_if $fwd_end
                    local.get $end  i32.const 1  i32.add  local.set $end
                    br $fwd
                  end
                end
                ;; ACQ.TRADE_NOT_EXIST is an OpenAPI sub-code, not the MAPI TRADE_NOT_EXIST (unless a word char precedes ACQ)
                local.get $start  local.get $base  i32.sub  i32.const 4  i32.ge_u
                if
                  local.get $start  i32.const 4  i32.sub  i32.load  i32.const ${p("ACQ.")}  i32.eq
                  if
                    local.get $start  local.get $base  i32.sub  i32.const 5  i32.ge_u
                    if
                      local.get $start  i32.const 5  i32.sub  i32.load8_u  i32.load8_u  i32.const ${m}  i32.and  i32.eqz
                      local.set $c
                    else
                      i32.const 1  local.set $c
                    end
                    local.get $c
                    if  local.get $start  i32.const 4  i32.sub  local.set $start  end
                  end
                end
              end
              local.get $end  local.set $pos
              local.get $start  local.get $end  call $lookup  local.tee $id
              i32.const 0  i32.lt_s  br_if $triggers
              local.get $out  i32.const 4  i32.shl  local.tee $c  local.get $id  i32.store offset=${t.out}
              local.get $c  local.get $start  i32.store offset=${t.out+4}
              local.get $c  local.get $end  i32.store offset=${t.out+8}
              local.get $c  local.get $nl  local.get $nlm  i32.const 1  local.get $bit  i32.shl  i32.const 1  i32.sub  i32.and  i32.popcnt  i32.add
              i32.store offset=${t.out+12}
              local.get $out  i32.const 1  i32.add  local.set $out
              br $triggers
            end
          end
          local.get $nl  local.get $nlm  i32.popcnt  i32.add  local.set $nl
          local.get $blk  i32.const 16  i32.add  local.set $blk
          br $blocks
        end
      end
      i32.const 0  local.get $pos  i32.store offset=${t.state}
      i32.const 0  local.get $nl  i32.store offset=${t.state+4}
      i32.const 0  local.get $out  i32.store offset=${t.state+8}
      local.get $blk`},e,o,l]}var H=new WeakMap;function V(){return typeof WebAssembly=="object"&&typeof WebAssembly.Module=="function"}function Q(t,e){let o=H.get(t);if(!o){let s=pt(t);o={layout:s,module:new WebAssembly.Module(U(xt(s),1))},H.set(t,o)}let l=o.layout,r=Math.ceil((l.input+e+16)/65536),n=new WebAssembly.Memory({initial:r,maximum:r}),a=new WebAssembly.Instance(o.module,{env:{mem:n}}),i=Buffer.from(n.buffer);return ht(i,t,l),{layout:l,mem:i,i32:new Int32Array(n.buffer),scan:a.exports.scan}}var B=/(?:is[vp]|aop)\.[a-z]|https?:\/\//g,R=y(),A=t=>(R[t]&m)!==0,X=t=>(R[t]&_)!==0,_t=t=>(R[t]&v)!==0,yt=t=>(R[t]&S)!==0;function kt(t,e,o,l,r){let n=e.indexOf("_",o+1);for(;n>=0;){if(n+1<l&&X(t[n+1])&&X(t[n-1]))return n-1;n=e.indexOf("_",n+2)}return r}function wt(t,e,o){if(B.lastIndex=e,!B.test(t))return o;let l=B.lastIndex;return t.charCodeAt(l-1)!==47?l-5:l-(t.charCodeAt(l-4)===115?8:7)}function vt(t,e,o,l){let r=Math.min(o+300,l),n=o;for(;n<r&&_t(t[n]);)n++;if(n===o)return-1;if(n<r&&t[n]===58){let i=n+1;for(;i<r&&t[i]>=48&&t[i]<=57;)i++;if(i===n+1)return-1;n=i}if(n>=r||t[n]!==47)return-1;let a=n+1;for(;a<r&&yt(t[a]);)a++;for(let i=n+1;i<a;i++){let s=t[i];if(s===103&&i+10<=a&&e.startsWith("gateway.do",i))return i+10;if(s===114&&i+8<=a&&e.startsWith("rest.htm",i))return i+8}return-1}var G=new WeakMap;function Y(t,e,o,l){let r=G.get(t);r||G.set(t,r=new Map(t.map(([d],$)=>[d,$])));let n=e.toString("latin1",0,o),a=o+1,i=-1,s=-1,c=0,u=0,f=n.indexOf(`
`);for(f<0&&(f=o);;){i<c&&(i=kt(e,n,c,o,a)),s<c&&(s=wt(n,c,a));let d=i<s?i:s;if(d===a)break;let $=d,g,W=-1;if(d!==i&&e[d]===104){let h=d+(e[d+4]===115?8:7);if(g=vt(e,n,h,o),g<0){c=h;continue}}else{let h=d!==i;for(;$>0&&A(e[$-1]);)$--;if(g=h?d+4:d+2,h){for(;g<o&&(A(e[g])||e[g]===45);)g++;for(;e[g-1]===45;)g--}else{for(;g<o&&A(e[g]);)g++;$>=4&&e[$-1]===46&&e[$-4]===65&&e[$-3]===67&&e[$-2]===81&&!($>=5&&A(e[$-5]))&&($-=4)}if(c=g,W=r.get(n.slice($,g))??-1,W<0)continue}for(c=g;f<$;)u++,f=n.indexOf(`
`,f+1),f<0&&(f=o);l(W,$,g,u)}for(;f<o;)u++,f=n.indexOf(`
`,f+1),f<0&&(f=o);return u}var Z={error:0,status:1,gateway:2},T=1024*1024,et=4*1024*1024,ot=et,j=ot+T,C=class{table;kernel;mem;input;start;byId=[];gateways=new Map;k=0;tailLen=0;base;newlines=0;lastByte=-1;constructor(e,o=0,l={}){this.table=e,this.start=o,this.base=o;let r=2*j;l.engine!=="js"&&V()?(this.kernel=Q(e,r),this.mem=this.kernel.mem,this.input=this.kernel.layout.input):(this.mem=Buffer.alloc(r+16),this.input=0)}restart(e){this.start=this.base=e,this.byId=[],this.gateways=new Map,this.k=this.tailLen=this.newlines=0,this.lastByte=-1}dataStart(e){return this.input+e*j+ot}chunkBuffer(e=0){let o=this.dataStart(this.k+e&1);return this.mem.subarray(o,o+T)}push(e){for(let o=0;o<e.length;o+=T){let l=e.subarray(o,Math.min(o+T,e.length));this.mem.set(l,this.dataStart(this.k)),this.commit(l.length)}}commit(e){if(e===0)return;let o=this.dataStart(this.k),l=o-this.tailLen,r=o+e;this.lastByte=this.mem[r-1];let n=this.mem.subarray(l,r),a=n.lastIndexOf(10)+1;if(a===0&&n.length>et)for(a=n.length-512;a>n.length-4096&&(St[n[a-1]]&m)!==0;)a--;a>0&&this.scan(l,l+a),this.tailLen=r-(l+a),this.k^=1,this.mem.copyWithin(this.dataStart(this.k)-this.tailLen,l+a,r)}finish(){if(this.tailLen){let o=this.dataStart(this.k);this.scan(o-this.tailLen,o),this.tailLen=0}let e=[...this.byId.filter(o=>o!==void 0),...this.gateways.values()];return{start:this.start,bytes:this.base-this.start,newlines:this.newlines,lastByte:this.lastByte,stats:e}}end(){return At([this.finish()])}scan(e,o){let l=(a,i,s,c)=>{let u=this.newlines+c+1,f=this.base+(i-e),d=a>=0?this.byId[a]:this.gateways.get(this.mem.toString("latin1",i,s));if(d!==void 0)d.count++,d.last.line=u,d.last.offset=f;else if(a>=0){let[$,g]=this.table[a];this.byId[a]={token:$,kind:g,count:1,first:{line:u,offset:f},last:{line:u,offset:f}}}else{let $=this.mem.toString("latin1",i,s);this.gateways.set($,{token:$,kind:"gateway",count:1,first:{line:u,offset:f},last:{line:u,offset:f}})}},r,n=this.kernel;if(n){let{i32:a,layout:i}=n,s=i.state>>2,c=i.out>>2;a[s]=e,a[s+1]=0,a[s+2]=0;for(let u=e;;){u=n.scan(e,u,o);let f=a[s+2];for(let d=c,$=c+f*q;d<$;d+=q)l(a[d],a[d+1],a[d+2],a[d+3]);if(a[s+2]=0,u>=o)break}r=a[s+1]}else r=Y(this.table,this.mem.subarray(e,o),o-e,(a,i,s,c)=>l(a,e+i,e+s,c));this.newlines+=r,this.base+=o-e}},St=y(),k=(()=>{let t=new Uint8Array(128);return[..."_-:./0123456789abcdefghijklmnopqrstuvwxyz"].forEach((e,o)=>{t[e.charCodeAt(0)]=o+1,t[e.toUpperCase().charCodeAt(0)]=o+1}),t})();function tt(t){for(let e=0;e<t.length;e++){let o=t.charCodeAt(e);if(o>=128||k[o]===0)return!1}return!0}function qt(t,e){if(!tt(t)||!tt(e))return t.localeCompare(e);let o=0;for(let l=0,r=Math.min(t.length,e.length);l<r;l++){let n=t.charCodeAt(l),a=e.charCodeAt(l);if(k[n]!==k[a])return k[n]-k[a];o===0&&n!==a&&(o=n>a?-1:1)}return t.length-e.length||o}function At(t){let e=new Map,o=0,l=0,r=-1;for(let i of[...t].sort((s,c)=>s.start-c.start)){for(let s of i.stats){let c={line:s.first.line+o,offset:s.first.offset},u={line:s.last.line+o,offset:s.last.offset},f=e.get(s.token);f?(f.count+=s.count,f.last=u):e.set(s.token,{token:s.token,kind:s.kind,count:s.count,first:c,last:u})}o+=i.newlines,l+=i.bytes,i.bytes>0&&(r=i.lastByte)}let n=o+(l>0&&r!==10?1:0),a=[...e.values()].sort((i,s)=>Z[i.kind]-Z[s.kind]||s.count-i.count||qt(i.token,s.token));return{bytes:l,lines:n,stats:a}}var I=class extends Error{constructor(){super("cancelled")}};async function Rt(t,e,o,l,r,n,a){let i,s=e,c=u=>t.read(u,0,Math.min(r,u.length,o-s),s);try{for(s<o&&(i=c(l.chunkBuffer(0)));i;){let{bytesRead:u}=await i;if(i=void 0,u===0)break;if(a?.aborted)throw new I;s+=u,s<o&&(i=c(l.chunkBuffer(1))),l.commit(u),n?.(u)}}finally{await i?.catch(()=>{})}return l.finish()}async function nt(t,e,o,l,r,n,a){let i=[];for(let s=Atomics.add(o,0,1);s<e.length;s=Atomics.add(o,0,1)){if(a?.aborted)throw new I;let[c,u]=e[s];l.restart(c),i.push(await Rt(t,c,u,l,r,n,a))}return i}async function Tt(t,e){let o=await it.promises.open(t.file,"r");try{let l=n=>e.postMessage(n),r=await nt(o,t.pieces,t.next,new C(t.table),t.chunkSize,n=>l({progress:n}));l({results:r})}finally{await o.close()}}var L=w.parentPort;L&&w.workerData?.alipayScan&&Tt(w.workerData.alipayScan,L).catch(t=>{L.postMessage({error:{message:String(t?.message??t),code:t?.code}})});
